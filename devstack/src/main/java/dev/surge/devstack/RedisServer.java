package dev.surge.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A real {@code redis-server} child process with AOF persistence: the binary on the PATH
 * when there is one, else the one bundled in {@code embedded-redis}, extracted into the
 * data dir.
 */
final class RedisServer {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

	private final Path home;

	private final int port;

	private @Nullable Process process;

	RedisServer(Path home, int port) {
		this.home = home;
		this.port = port;
	}

	int port() {
		return this.port;
	}

	synchronized void start() {
		if (this.process != null && this.process.isAlive()) {
			return;
		}
		Path data = this.home.resolve("data");
		Path log = this.home.resolve("redis.log");
		try {
			Files.createDirectories(data);
			// redis-server rewrites its process title, so match on its name, not on the
			// data dir
			Processes.killStale(pidFile(), "redis-server");
			Ports.requireFree(this.port, "Redis");
			List<String> command = List.of(binary().toString(), "--port", Integer.toString(this.port), "--bind",
					"127.0.0.1", "--protected-mode", "no", "--dir", data.toString(), "--appendonly", "yes",
					"--appendfsync", "everysec", "--save", "", "--daemonize", "no", "--logfile", "");
			this.process = Launcher.start(command, java.util.Map.of(), log);
			Processes.writePid(pidFile(), this.process.pid());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start redis-server", ex);
		}
		awaitPong(log);
	}

	/** SIGTERM (Redis then flushes its AOF) or SIGKILL. */
	synchronized void stop(boolean kill) {
		if (this.process != null) {
			Processes.stop(this.process, Duration.ofSeconds(15), kill);
			this.process = null;
		}
	}

	/** Deletes the data files; the server must be stopped. */
	synchronized void wipe() {
		if (this.process != null && this.process.isAlive()) {
			throw new IllegalStateException("stop Redis before wiping its data");
		}
		Cleanup.delete(this.home.resolve("data"));
	}

	boolean isAlive() {
		Process current = this.process;
		return current != null && current.isAlive();
	}

	private Path pidFile() {
		return this.home.resolve("redis.pid");
	}

	private void awaitPong(Path log) {
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			Process current = this.process;
			if (current == null || !current.isAlive()) {
				throw new IllegalStateException(
						"redis-server exited on start:" + System.lineSeparator() + Processes.tail(log, 20));
			}
			if ("+PONG".equals(ping())) {
				return;
			}
			Processes.sleep(Duration.ofMillis(50));
		}
		throw new IllegalStateException("redis-server did not answer PING within " + START_TIMEOUT);
	}

	/**
	 * Raw RESP: answers {@code +PONG} when ready, {@code -LOADING ...} while reading the
	 * AOF.
	 */
	private @Nullable String ping() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 500);
			socket.setSoTimeout(1000);
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			StringBuilder line = new StringBuilder();
			int c;
			while ((c = in.read()) != -1 && c != '\r') {
				line.append((char) c);
			}
			return line.toString();
		}
		catch (IOException ex) {
			return null;
		}
	}

	/**
	 * {@code surge.devstack.redis-server} / {@code SURGE_REDIS_SERVER}: a path, or
	 * {@code bundled} to skip the PATH; else the PATH first.
	 */
	private Path binary() throws IOException {
		String forced = System.getProperty("surge.devstack.redis-server", System.getenv("SURGE_REDIS_SERVER"));
		if (forced != null && !forced.isBlank() && !"bundled".equals(forced)) {
			return Path.of(forced);
		}
		Path onPath = "bundled".equals(forced) ? null : findOnPath("redis-server");
		if (onPath != null) {
			return onPath;
		}
		String resource = bundledBinaryName();
		Path target = this.home.resolve("bin").resolve(resource);
		if (!Files.isExecutable(target)) {
			try (InputStream in = RedisServer.class.getClassLoader().getResourceAsStream(resource)) {
				if (in == null) {
					throw new IllegalStateException("no redis-server on the PATH and no " + resource
							+ " in embedded-redis; install one (apt-get install redis-server)");
				}
				Files.createDirectories(target.getParent());
				Path temp = Files.createTempFile(target.getParent(), "redis-server", ".tmp");
				Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
				temp.toFile().setExecutable(true);
				Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
		}
		return target;
	}

	private static String bundledBinaryName() {
		String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
		return switch (arch) {
			case "aarch64", "arm64" -> "redis-server-6.2.7-linux-arm64";
			default -> "redis-server-6.2.6-v5-linux-amd64";
		};
	}

	static @Nullable Path findOnPath(String name) {
		String path = System.getenv("PATH");
		if (path == null) {
			return null;
		}
		for (String dir : path.split(java.io.File.pathSeparator)) {
			Path candidate = Path.of(dir, name);
			if (Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		return null;
	}

}
