package dev.surge.loadtest.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Starts a JFR recording of a running JVM with {@code jcmd}; without one, says so. */
final class Jfr {

	private Jfr() {
	}

	/** A recording of the process over the next {@code duration} only. */
	static void record(long pid, Duration duration, Path file) {
		Path jcmd = Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("jcmd");
		try {
			Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "JFR.start", "name=bench",
					"settings=profile", "duration=" + duration.toSeconds() + "s", "filename=" + file)
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			process.waitFor(30, TimeUnit.SECONDS);
			Progress.log("   JFR of the measured window: " + file);
		}
		catch (IOException ex) {
			Progress.log("   no JFR: " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
