package dev.surge.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * A Redis Cluster of masters without replicas: one real
 * {@code redis-server --cluster-enabled yes} per port (AOF on, {@code requirepass} and
 * {@code masterauth} when a password is given), joined once with
 * {@code redis-cli --cluster create}. A second start reuses each node's
 * {@code nodes.conf}, so the cluster forms again by itself with its data. Needs
 * {@code redis-server} and {@code redis-cli} on the PATH (Debian: {@code redis-server}).
 */
final class RedisCluster {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

	private final Path home;

	private final int[] ports;

	private final @Nullable String password;

	private final List<@Nullable Process> processes = new ArrayList<>();

	RedisCluster(Path home, @Nullable String password, int... ports) {
		this.home = home;
		this.password = password;
		this.ports = ports.clone();
		for (int i = 0; i < ports.length; i++) {
			this.processes.add(null);
		}
	}

	/**
	 * The seed list as Spring Boot reads it.
	 * @return {@code 127.0.0.1:p1,127.0.0.1:p2,...}
	 */
	String nodes() {
		return java.util.Arrays.stream(this.ports)
			.mapToObj((port) -> "127.0.0.1:" + port)
			.collect(Collectors.joining(","));
	}

	int[] ports() {
		return this.ports.clone();
	}

	@Nullable String password() {
		return this.password;
	}

	synchronized void start() {
		for (int i = 0; i < this.ports.length; i++) {
			startNode(i);
		}
		for (int port : this.ports) {
			awaitAnswer(port);
		}
		if (!clusterInfo(this.ports[0]).contains("cluster_slots_assigned:16384")) {
			create();
		}
		awaitClusterOk();
	}

	/** Stops every node (SIGTERM: each flushes its AOF). */
	synchronized void stop() {
		for (int i = 0; i < this.ports.length; i++) {
			Process process = this.processes.get(i);
			if (process != null) {
				Processes.stop(process, Duration.ofSeconds(15), false);
				this.processes.set(i, null);
			}
		}
	}

	private void startNode(int index) {
		int port = this.ports[index];
		Path dir = this.home.resolve("node-" + port);
		try {
			Files.createDirectories(dir);
			Path pidFile = dir.resolve("redis.pid");
			Processes.killStale(pidFile, "redis-server");
			Ports.requireFree(port, "Redis cluster node");
			List<String> command = new ArrayList<>(List.of(binary("redis-server"), "--port", Integer.toString(port),
					"--bind", "127.0.0.1", "--protected-mode", "no", "--dir", dir.toString(), "--cluster-enabled",
					"yes", "--cluster-config-file", "nodes.conf", "--cluster-node-timeout", "5000", "--appendonly",
					"yes", "--appendfsync", "everysec", "--save", "", "--daemonize", "no", "--logfile", ""));
			if (this.password != null) {
				command.addAll(List.of("--requirepass", this.password, "--masterauth", this.password));
			}
			Process process = Launcher.start(command, Map.of(), dir.resolve("redis.log"));
			this.processes.set(index, process);
			Processes.writePid(pidFile, process.pid());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start a Redis cluster node on " + port, ex);
		}
	}

	private void create() {
		List<String> command = new ArrayList<>(List.of(binary("redis-cli"), "--cluster", "create"));
		for (int port : this.ports) {
			command.add("127.0.0.1:" + port);
		}
		command.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
		String output = cli(command);
		if (!output.contains("[OK] All 16384 slots covered")) {
			throw new IllegalStateException("redis-cli --cluster create failed:" + System.lineSeparator() + output);
		}
	}

	private void awaitAnswer(int port) {
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (cli(List.of(binary("redis-cli"), "-p", Integer.toString(port), "PING")).contains("PONG")) {
				return;
			}
			Processes.sleep(Duration.ofMillis(100));
		}
		throw new IllegalStateException("Redis cluster node " + port + " did not answer PING within " + START_TIMEOUT
				+ "; see " + this.home.resolve("node-" + port).resolve("redis.log"));
	}

	private void awaitClusterOk() {
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			boolean ok = true;
			for (int port : this.ports) {
				ok &= clusterInfo(port).contains("cluster_state:ok");
			}
			if (ok) {
				return;
			}
			Processes.sleep(Duration.ofMillis(200));
		}
		throw new IllegalStateException("the Redis cluster was not ok within " + START_TIMEOUT + ": "
				+ clusterInfo(this.ports[0]).lines().limit(3).toList());
	}

	private String clusterInfo(int port) {
		return cli(List.of(binary("redis-cli"), "-p", Integer.toString(port), "CLUSTER", "INFO"));
	}

	/** The password goes through REDISCLI_AUTH, not the command line. */
	private String cli(List<String> command) {
		Map<String, String> env = (this.password != null) ? Map.of("REDISCLI_AUTH", this.password) : Map.of();
		return Launcher.run(command, env, Duration.ofSeconds(30), null).output();
	}

	private static String binary(String name) {
		Path found = RedisServer.findOnPath(name);
		if (found == null) {
			throw new IllegalStateException(
					"Redis Cluster mode needs " + name + " on the PATH (apt-get install redis-server)");
		}
		return found.toString();
	}

}
