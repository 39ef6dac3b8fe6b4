package dev.surge.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Spring Boot application jar running as a child JVM (same java binary as this JVM),
 * with its output appended to a log file. It is stopped by {@link #stop()}, by
 * {@link #close()} and by the devstack shutdown hook, before the servers it uses.
 */
public final class ServiceProcess implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(300);

	private final String name;

	private final Process process;

	private final int port;

	private final Path logFile;

	private Duration startTime = Duration.ZERO;

	private ServiceProcess(String name, Process process, int port, Path logFile) {
		this.name = name;
		this.process = process;
		this.port = port;
		this.logFile = logFile;
	}

	/**
	 * Starts {@code java <jvmArgs> -jar <jar>} and waits until
	 * {@code http://127.0.0.1:<port>/actuator/health} answers 200.
	 * @param name a short name for messages
	 * @param jar the executable jar
	 * @param env extra environment variables ({@code SERVER_PORT} is set to {@code port}
	 * unless given)
	 * @param jvmArgs JVM options such as {@code -Xmx512m}
	 * @param port the HTTP port of the application
	 * @param logFile where stdout and stderr are appended
	 * @return the running, healthy application
	 * @throws IllegalStateException if it exits or is not healthy within 300 s (a loaded
	 * 2-core machine restarting under a chaos run has needed 110 s), with the tail of its
	 * log
	 */
	public static ServiceProcess start(String name, Path jar, Map<String, String> env, List<String> jvmArgs, int port,
			Path logFile) {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalArgumentException(name + " jar not found: " + jar);
		}
		AotCache aot = AotCache.of(jar);
		List<String> jvm = new ArrayList<>(jvmArgs);
		jvm.addAll(aot.jvmArgs());
		List<String> command = Launcher.java(jvm, "-jar", aot.jar().toString());
		rotate(logFile);
		Map<String, String> environment = new HashMap<>();
		environment.put("SERVER_PORT", Integer.toString(port));
		environment.putAll(env);
		long launched = System.nanoTime();
		Process process = Launcher.start(command, environment, logFile);
		process.onExit().thenAccept((exited) -> aot.adopt(exited.exitValue()));
		ServiceProcess service = new ServiceProcess(name, process, port, logFile);
		Processes.register(service);
		try {
			service.awaitHealthy();
			service.startTime = Duration.ofNanos(System.nanoTime() - launched);
		}
		catch (RuntimeException ex) {
			service.kill();
			throw ex;
		}
		return service;
	}

	/**
	 * One run per log, so a failure's tail shows this run; the previous one is kept as
	 * {@code .1}.
	 */
	private static void rotate(Path logFile) {
		try {
			if (Files.exists(logFile)) {
				Files.move(logFile, logFile.resolveSibling(logFile.getFileName() + ".1"),
						java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void awaitHealthy() {
		switch (HealthCheck.await(this.process, this.port, START_TIMEOUT, Duration.ofMillis(500))) {
			case HEALTHY -> {
			}
			case EXITED -> throw startFailure("exited with code " + this.process.exitValue() + " on start");
			case TIMED_OUT -> throw startFailure("was not healthy within " + START_TIMEOUT);
			case INTERRUPTED -> throw new IllegalStateException("interrupted");
		}
	}

	private IllegalStateException startFailure(String what) {
		return new IllegalStateException(this.name + " " + what + "; last lines of " + this.logFile + ":"
				+ System.lineSeparator() + Processes.tail(this.logFile, 40));
	}

	/** SIGKILL, as a crash would. */
	public void kill() {
		Processes.unregister(this);
		Processes.stop(this.process, Duration.ZERO, true);
	}

	/** SIGTERM (Spring Boot's graceful shutdown), then SIGKILL after 30 s. */
	public void stop() {
		Processes.unregister(this);
		Processes.stop(this.process, Duration.ofSeconds(30), false);
	}

	@Override
	public void close() {
		stop();
	}

	public String name() {
		return this.name;
	}

	public int port() {
		return this.port;
	}

	public long pid() {
		return this.process.pid();
	}

	/**
	 * How long it took from the launch until its health answered 200 (polled every 0.5
	 * s).
	 * @return the start time
	 */
	public Duration startTime() {
		return this.startTime;
	}

	public Path logFile() {
		return this.logFile;
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * Completes when the process exits.
	 * @return the exit code, once the process is gone
	 */
	public java.util.concurrent.CompletableFuture<Integer> onExit() {
		return this.process.onExit().thenApply(Process::exitValue);
	}

}
