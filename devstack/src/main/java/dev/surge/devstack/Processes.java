package dev.surge.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Child process helpers: pid files, stale process clean-up, log tails, and one JVM
 * shutdown hook that closes everything still running in reverse start order (apps before
 * the servers they use).
 */
final class Processes {

	private static final Deque<AutoCloseable> running = new ArrayDeque<>();

	private static volatile boolean shuttingDown;

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(Processes::closeAll, "devstack-shutdown"));
	}

	private Processes() {
	}

	static synchronized void register(AutoCloseable resource) {
		running.push(resource);
	}

	static synchronized void unregister(AutoCloseable resource) {
		running.remove(resource);
	}

	/**
	 * Whether the JVM is shutting down (children then exit on purpose).
	 * @return true once the shutdown hook runs
	 */
	static boolean isShuttingDown() {
		return shuttingDown;
	}

	private static void closeAll() {
		shuttingDown = true;
		while (true) {
			AutoCloseable next;
			synchronized (Processes.class) {
				next = running.poll();
			}
			if (next == null) {
				return;
			}
			try {
				next.close();
			}
			catch (Exception ex) {
				System.err.println("devstack: clean-up failed: " + ex);
			}
		}
	}

	static void writePid(Path pidFile, long pid) {
		try {
			Files.createDirectories(pidFile.getParent());
			Files.writeString(pidFile, Long.toString(pid));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Kills a process left behind by a crashed earlier run, if its command line still
	 * mentions {@code marker} (a path in the data dir), so a recycled pid is never hit.
	 */
	static void killStale(Path pidFile, String marker) {
		if (!Files.isRegularFile(pidFile)) {
			return;
		}
		try {
			long pid = Long.parseLong(Files.readString(pidFile).trim());
			Optional<ProcessHandle> handle = ProcessHandle.of(pid);
			if (handle.isPresent() && handle.get().isAlive()
					&& handle.get().info().commandLine().orElse("").contains(marker)) {
				System.err.println("devstack: killing stale process " + pid + " from an earlier run");
				handle.get().destroyForcibly();
				handle.get().onExit().get();
			}
			Files.deleteIfExists(pidFile);
		}
		catch (Exception ex) {
			System.err.println("devstack: could not check stale pid file " + pidFile + ": " + ex);
		}
	}

	/** Stops a process: SIGTERM and up to {@code grace}, then SIGKILL. */
	static void stop(Process process, Duration grace, boolean kill) {
		if (!process.isAlive()) {
			return;
		}
		try {
			if (!kill) {
				process.destroy();
				if (process.waitFor(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
					return;
				}
			}
			process.destroyForcibly();
			process.waitFor();
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Freezes (SIGSTOP) or thaws (SIGCONT) a process: a server that hangs rather than
	 * dies, its sockets open and its clients unanswered.
	 */
	static void freeze(Process process, boolean frozen) {
		try {
			Process kill = new ProcessBuilder("kill", frozen ? "-STOP" : "-CONT", Long.toString(process.pid()))
				.redirectErrorStream(true)
				.start();
			if (kill.waitFor() != 0) {
				throw new IllegalStateException("kill " + (frozen ? "-STOP " : "-CONT ") + process.pid() + " failed: "
						+ new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static String tail(Path file, int lines) {
		try {
			if (!Files.isRegularFile(file)) {
				return "(no log at " + file + ")";
			}
			List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
			return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException ex) {
			return "(cannot read " + file + ": " + ex + ")";
		}
	}

	static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

}
