package dev.surge.loadtest.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.surge.devstack.HealthCheck;

/**
 * A main class of this module in a child JVM (the bare endpoint), stopped by
 * {@link #close()} and by a shutdown hook.
 */
final class JavaChild implements AutoCloseable {

	private final Process process;

	private final int port;

	private final Thread hook;

	private JavaChild(Process process, int port) {
		this.process = process;
		this.port = port;
		this.hook = new Thread(this::destroy);
		Runtime.getRuntime().addShutdownHook(this.hook);
	}

	static JavaChild start(String mainClass, List<String> jvmArgs, Map<String, String> env, int port, Path log) {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.addAll(jvmArgs);
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
		try {
			Files.createDirectories(log.toAbsolutePath().getParent());
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
			builder.environment().putAll(env);
			JavaChild child = new JavaChild(builder.start(), port);
			child.awaitHealthy(port, log);
			return child;
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot start " + mainClass, ex);
		}
	}

	long pid() {
		return this.process.pid();
	}

	int port() {
		return this.port;
	}

	private void awaitHealthy(int port, Path log) {
		switch (HealthCheck.await(this.process, port, Duration.ofSeconds(120), Duration.ofMillis(300))) {
			case HEALTHY -> {
			}
			case EXITED -> throw new IllegalStateException("exited on start; see " + log);
			case TIMED_OUT, INTERRUPTED -> {
				close();
				throw new IllegalStateException("not healthy within 120 s; see " + log);
			}
		}
	}

	private void destroy() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		destroy();
		try {
			Runtime.getRuntime().removeShutdownHook(this.hook);
		}
		catch (IllegalStateException ex) {
			// shutting down already
		}
	}

}
