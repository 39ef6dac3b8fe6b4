package dev.surge.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * The one way devstack, chaos and the tests launch a process: servers and services that
 * run until stopped ({@link #start}), and tools that run to completion ({@link #run}).
 * <p>
 * A child runs in its own session when {@code setsid} exists, so that Ctrl-C in a
 * terminal reaches only this JVM, whose shutdown hook then stops apps before servers.
 * {@code setsid} execs in place, so the pid stays the child's own.
 */
public final class Launcher {

	/** The exit code of a {@link #run} that did not finish in time (and was killed). */
	public static final int TIMED_OUT = -1;

	private static final Path SETSID = Path.of("/usr/bin/setsid");

	private Launcher() {
	}

	/**
	 * The java binary of the running JVM, for child JVMs.
	 * @return its path
	 */
	public static String javaBinary() {
		return ProcessHandle.current()
			.info()
			.command()
			.orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
	}

	/**
	 * A command line that runs this JVM's java binary.
	 * @param jvmArgs JVM options such as {@code -Xmx256m}
	 * @param rest the rest: {@code -jar app.jar args} or {@code -cp path MainClass args}
	 * @return {@code java <jvmArgs> <rest>}
	 */
	public static List<String> java(List<String> jvmArgs, String... rest) {
		List<String> command = new ArrayList<>();
		command.add(javaBinary());
		command.addAll(jvmArgs);
		command.addAll(List.of(rest));
		return command;
	}

	/**
	 * Starts a process that runs until stopped, its stdout and stderr appended to a log.
	 * @param command the command line
	 * @param env extra environment variables
	 * @param log where its output is appended (its directory is created)
	 * @return the running process
	 */
	public static Process start(List<String> command, Map<String, String> env, Path log) {
		try {
			Files.createDirectories(log.toAbsolutePath().getParent());
			ProcessBuilder builder = new ProcessBuilder(detached(command)).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
			builder.environment().putAll(env);
			return builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start " + command.get(0), ex);
		}
	}

	/**
	 * Runs a tool to completion.
	 * @param command the command line
	 * @param env extra environment variables
	 * @param timeout how long it may take; then it is killed
	 * @param log where its output is appended as well, or {@code null}
	 * @return its exit code ({@link #TIMED_OUT} when killed) and output (stdout and
	 * stderr)
	 */
	public static Finished run(List<String> command, Map<String, String> env, Duration timeout, @Nullable Path log) {
		return run(command, env, false, timeout, log);
	}

	/**
	 * Runs a tool to completion with exactly this environment and no other: to prove what
	 * it does without a setting.
	 * @param command the command line
	 * @param env its whole environment
	 * @param timeout how long it may take; then it is killed
	 * @return its exit code ({@link #TIMED_OUT} when killed) and output
	 */
	public static Finished runIsolated(List<String> command, Map<String, String> env, Duration timeout) {
		return run(command, env, true, timeout, null);
	}

	private static Finished run(List<String> command, Map<String, String> env, boolean isolated, Duration timeout,
			@Nullable Path log) {
		Path output = null;
		try {
			output = Files.createTempFile("devstack-run", ".out");
			ProcessBuilder builder = new ProcessBuilder(detached(command)).redirectErrorStream(true)
				.redirectOutput(output.toFile());
			if (isolated) {
				builder.environment().clear();
			}
			builder.environment().putAll(env);
			Process process = builder.start();
			int exit = TIMED_OUT;
			if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				exit = process.exitValue();
			}
			else {
				process.destroyForcibly();
			}
			String text = Files.readString(output, StandardCharsets.UTF_8);
			if (log != null) {
				Files.createDirectories(log.toAbsolutePath().getParent());
				Files.writeString(log, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
						StandardOpenOption.APPEND);
			}
			return new Finished(exit, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot run " + command.get(0), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
		finally {
			if (output != null) {
				Cleanup.delete(output);
			}
		}
	}

	private static List<String> detached(List<String> command) {
		if (!Files.isExecutable(SETSID)) {
			return command;
		}
		List<String> detached = new ArrayList<>(command.size() + 1);
		detached.add(SETSID.toString());
		detached.addAll(command);
		return detached;
	}

	/**
	 * How a tool ended.
	 *
	 * @param exitCode its exit code, {@link #TIMED_OUT} when it was killed
	 * @param output what it wrote to stdout and stderr
	 */
	public record Finished(int exitCode, String output) {

		/**
		 * Whether it ended by itself with exit code 0.
		 * @return {@code true} on success
		 */
		public boolean succeeded() {
			return this.exitCode == 0;
		}

	}

}
