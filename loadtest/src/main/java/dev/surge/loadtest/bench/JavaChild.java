package dev.surge.loadtest.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
			.timeout(Duration.ofSeconds(2))
			.build();
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("exited on start; see " + log);
			}
			try {
				if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			Pause.sleep(Duration.ofMillis(300));
		}
		close();
		throw new IllegalStateException("not healthy within 120 s; see " + log);
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
