package dev.surge.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.jspecify.annotations.Nullable;

/**
 * A KRaft cluster of one controller and several brokers, each a {@code kafka.Kafka} child
 * JVM (separate roles: several combined nodes on one machine fail, KAFKA-19867). Topics
 * default to replication factor 3 and {@code min.insync.replicas=2}, so one broker may
 * die without losing an acknowledged record. Every node's storage is formatted once with
 * the same cluster id, kept in {@code cluster.id}.
 */
final class KafkaCluster {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

	private static final List<String> JVM = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
			"-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true");

	private final Path home;

	private final int controllerPort;

	private final int[] brokerPorts;

	private final Node controller;

	private final List<Node> brokers = new ArrayList<>();

	KafkaCluster(Path home, int controllerPort, int... brokerPorts) {
		this.home = home;
		this.controllerPort = controllerPort;
		this.brokerPorts = brokerPorts.clone();
		this.controller = new Node(0, home.resolve("controller"), controllerPort, true);
		for (int i = 0; i < brokerPorts.length; i++) {
			this.brokers.add(new Node(i + 1, home.resolve("broker-" + (i + 1)), brokerPorts[i], false));
		}
	}

	String bootstrapServers() {
		return java.util.Arrays.stream(this.brokerPorts)
			.mapToObj((port) -> "127.0.0.1:" + port)
			.collect(Collectors.joining(","));
	}

	int brokerCount() {
		return this.brokers.size();
	}

	/** Starts the controller, then every broker in parallel; returns when all answer. */
	void start() {
		try {
			Files.createDirectories(this.home);
			String clusterId = clusterId();
			this.controller.start(clusterId);
			for (Node broker : this.brokers) {
				broker.start(clusterId);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start the Kafka cluster", ex);
		}
		awaitBrokers(this.brokers.size());
	}

	/**
	 * Stops one broker.
	 * @param broker 1-based broker number (also its {@code node.id})
	 * @param kill SIGKILL instead of a controlled shutdown
	 */
	void stopBroker(int broker, boolean kill) {
		this.brokers.get(broker - 1).stop(kill);
	}

	/** Starts a stopped broker again on its port and data; returns when all answer. */
	void startBroker(int broker) {
		try {
			this.brokers.get(broker - 1).start(clusterId());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		awaitBrokers(this.brokers.size());
	}

	boolean isBrokerAlive(int broker) {
		return this.brokers.get(broker - 1).isAlive();
	}

	/** Brokers first, then the controller. */
	void stop() {
		for (Node broker : this.brokers) {
			broker.stop(false);
		}
		this.controller.stop(false);
	}

	private String clusterId() throws IOException {
		Path file = this.home.resolve("cluster.id");
		if (Files.isRegularFile(file)) {
			return Files.readString(file).trim();
		}
		String id = Uuid.randomUuid().toString();
		Files.writeString(file, id);
		return id;
	}

	private void awaitBrokers(int expected) {
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
				5000);
		try (Admin admin = Admin.create(config)) {
			while (System.nanoTime() < deadline) {
				for (Node node : allNodes()) {
					node.requireAlive();
				}
				try {
					int brokers = admin.describeCluster(new DescribeClusterOptions().timeoutMs(4000))
						.nodes()
						.get(5, TimeUnit.SECONDS)
						.size();
					if (brokers >= expected && this.brokers.stream().allMatch(Node::isListening)) {
						return;
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("interrupted", ex);
				}
				catch (Exception ex) {
					// not ready yet
				}
				Processes.sleep(Duration.ofMillis(300));
			}
		}
		throw new IllegalStateException("the Kafka cluster did not have " + expected + " brokers within "
				+ START_TIMEOUT + "; see the logs under " + this.home);
	}

	private List<Node> allNodes() {
		List<Node> nodes = new ArrayList<>(this.brokers);
		nodes.add(this.controller);
		return nodes;
	}

	/** One KRaft node: the controller or a broker. */
	private final class Node {

		private final int id;

		private final Path dir;

		private final int port;

		private final boolean controller;

		private @Nullable Process process;

		Node(int id, Path dir, int port, boolean controller) {
			this.id = id;
			this.dir = dir;
			this.port = port;
			this.controller = controller;
		}

		synchronized void start(String clusterId) {
			if (this.process != null && this.process.isAlive()) {
				return;
			}
			Path log = log();
			try {
				Files.createDirectories(this.dir);
				Processes.killStale(pidFile(), this.dir.toString());
				Processes.requireFreePort(this.port, name());
				Path properties = writeConfiguration();
				formatOnce(clusterId, properties, log);
				this.process = new ProcessBuilder(Processes.detached(java("kafka.Kafka", properties.toString())))
					.redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
					.start();
				Processes.writePid(pidFile(), this.process.pid());
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot start " + name(), ex);
			}
		}

		synchronized void stop(boolean kill) {
			if (this.process != null) {
				Processes.stop(this.process, Duration.ofSeconds(30), kill);
				this.process = null;
			}
		}

		boolean isAlive() {
			Process current = this.process;
			return current != null && current.isAlive();
		}

		boolean isListening() {
			try (java.net.Socket socket = new java.net.Socket()) {
				socket.connect(new java.net.InetSocketAddress("127.0.0.1", this.port), 500);
				return true;
			}
			catch (IOException ex) {
				return false;
			}
		}

		void requireAlive() {
			Process current = this.process;
			if (current != null && !current.isAlive()) {
				throw new IllegalStateException(
						name() + " exited on start:" + System.lineSeparator() + Processes.tail(log(), 30));
			}
		}

		private String name() {
			return this.controller ? "Kafka controller" : "Kafka broker " + this.id;
		}

		private Path log() {
			return this.dir.resolve("kafka.log");
		}

		private Path pidFile() {
			return this.dir.resolve("kafka.pid");
		}

		private Path writeConfiguration() throws IOException {
			String voters = "0@127.0.0.1:" + KafkaCluster.this.controllerPort;
			String common = """
					node.id=%d
					controller.quorum.voters=%s
					controller.listener.names=CONTROLLER
					listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
					log.dirs=%s
					num.network.threads=2
					num.io.threads=2
					background.threads=2
					log.cleaner.threads=1
					""".formatted(this.id, voters, this.dir.resolve("logs"));
			String role = this.controller ? """
					process.roles=controller
					listeners=CONTROLLER://127.0.0.1:%d
					broker.session.timeout.ms=6000
					""".formatted(this.port) : """
					process.roles=broker
					listeners=PLAINTEXT://127.0.0.1:%1$d
					broker.heartbeat.interval.ms=1000
					advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
					inter.broker.listener.name=PLAINTEXT
					num.partitions=6
					default.replication.factor=3
					min.insync.replicas=2
					auto.create.topics.enable=true
					offsets.topic.replication.factor=3
					offsets.topic.num.partitions=10
					transaction.state.log.replication.factor=3
					transaction.state.log.min.isr=2
					transaction.state.log.num.partitions=10
					share.coordinator.state.topic.replication.factor=3
					share.coordinator.state.topic.min.isr=2
					group.initial.rebalance.delay.ms=0
					replica.lag.time.max.ms=10000
					log.retention.hours=24
					""".formatted(this.port);
			Path properties = this.dir.resolve("server.properties");
			Files.writeString(properties, common + role, StandardCharsets.UTF_8);
			Files.writeString(this.dir.resolve("log4j2.properties"), LOG4J2, StandardCharsets.UTF_8);
			return properties;
		}

		private void formatOnce(String clusterId, Path properties, Path log) throws IOException {
			if (Files.exists(this.dir.resolve("logs").resolve("meta.properties"))) {
				return;
			}
			Process format = new ProcessBuilder(java("kafka.tools.StorageTool", "format", "--ignore-formatted", "-t",
					clusterId, "-c", properties.toString()))
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
			try {
				if (!format.waitFor(90, TimeUnit.SECONDS) || format.exitValue() != 0) {
					format.destroyForcibly();
					throw new IllegalStateException("formatting the storage of " + name() + " failed:"
							+ System.lineSeparator() + Processes.tail(log, 20));
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted", ex);
			}
		}

		private List<String> java(String mainClass, String... args) {
			List<String> command = new ArrayList<>();
			command.add(Processes.javaBinary());
			command.addAll(JVM);
			command.addAll(List.of("-Dlog4j2.configurationFile=" + this.dir.resolve("log4j2.properties"), "-cp",
					KafkaServer.classpath(), mainClass));
			command.addAll(List.of(args));
			return command;
		}

	}

	private static final String LOG4J2 = """
			status = warn
			appender.console.type = Console
			appender.console.name = STDOUT
			appender.console.layout.type = PatternLayout
			appender.console.layout.pattern = [%d] %p %m (%c)%n
			rootLogger.level = WARN
			rootLogger.appenderRef.stdout.ref = STDOUT
			logger.server.name = kafka.server.KafkaRaftServer
			logger.server.level = INFO
			""";

}
