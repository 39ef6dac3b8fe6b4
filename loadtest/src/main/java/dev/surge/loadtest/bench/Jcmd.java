package dev.surge.loadtest.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the benchmark asks a running JVM through {@code jcmd}: a JFR recording, and the
 * time its JIT compilers spent so far.
 */
final class Jcmd {

	private static final Pattern COUNTER = Pattern
		.compile("^((?:java|sun)\\.ci\\.totalTime|sun\\.os\\.hrt\\.frequency)=(\\d+)$", Pattern.MULTILINE);

	private Jcmd() {
	}

	/**
	 * A recording of the process over the next {@code duration} only; without one, says
	 * so.
	 */
	static void record(long pid, Duration duration, Path file) {
		try {
			run(pid, "JFR.start", "name=bench", "settings=profile", "duration=" + duration.toSeconds() + "s",
					"filename=" + file);
			Progress.log("   JFR of the measured window: " + file);
		}
		catch (IOException ex) {
			Progress.log("   no JFR: " + ex.getMessage());
		}
	}

	/**
	 * Milliseconds the JVM's JIT compilers have spent so far ({@code java.ci.totalTime},
	 * {@code sun.ci.totalTime} before JDK 9); {@code NaN} when it cannot be read.
	 */
	static double compileMillis(long pid) {
		try {
			Matcher counter = COUNTER.matcher(run(pid, "PerfCounter.print"));
			double ticks = Double.NaN;
			double perSecond = Double.NaN;
			while (counter.find()) {
				if (counter.group(1).endsWith("totalTime")) {
					ticks = Double.parseDouble(counter.group(2));
				}
				else {
					perSecond = Double.parseDouble(counter.group(2));
				}
			}
			return ticks / perSecond * 1000;
		}
		catch (IOException ex) {
			return Double.NaN;
		}
	}

	private static String run(long pid, String... command) throws IOException {
		Path jcmd = Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("jcmd");
		List<String> line = new ArrayList<>(List.of(jcmd.toString(), Long.toString(pid)));
		line.addAll(List.of(command));
		Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
		try {
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			process.waitFor(30, TimeUnit.SECONDS);
			return output;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

}
