package dev.surge.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.jspecify.annotations.Nullable;

/**
 * One KRaft node, {@code kafka.Kafka} in a child JVM, so that it can be stopped, killed
 * and started again like a real server: its {@code server.properties} (given by the
 * topology that owns it), its storage formatted once with the topology's cluster id, a
 * pid file and a log in its directory. {@link KafkaServer} runs one combined node,
 * {@link KafkaCluster} a controller and several brokers.
 */
final class KafkaNode {

	/** Written at build time by maven-dependency-plugin (build-classpath). */
	static final String CLASSPATH_RESOURCE = "dev/surge/devstack/kafka.classpath";

	private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

	private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(90);

	private final String name;

	private final Path dir;

	private final List<Integer> ports;

	private final List<String> jvm;

	private final String infoLogger;

	private final String configuration;

	private @Nullable Process process;

	/**
	 * @param name for messages
	 * @param dir data, configuration, pid file and log
	 * @param ports the ports it binds, the one clients use first
	 * @param jvm JVM options of the node
	 * @param infoLogger the logger that logs at INFO (all others at WARN)
	 * @param configuration its {@code server.properties} without {@code log.dirs}
	 */
	KafkaNode(String name, Path dir, List<Integer> ports, List<String> jvm, String infoLogger, String configuration) {
		this.name = name;
		this.dir = dir;
		this.ports = List.copyOf(ports);
		this.jvm = List.copyOf(jvm);
		this.infoLogger = infoLogger;
		this.configuration = configuration;
	}

	synchronized void start(String clusterId) {
		if (this.process != null && this.process.isAlive()) {
			return;
		}
		try {
			Files.createDirectories(this.dir);
			Processes.killStale(pidFile(), this.dir.toString());
			for (int port : this.ports) {
				Ports.requireFree(port, this.name);
			}
			Path properties = writeConfiguration();
			formatOnce(clusterId, properties);
			this.process = Launcher.start(java("kafka.Kafka", properties.toString()), Map.of(), log());
			Processes.writePid(pidFile(), this.process.pid());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start " + this.name, ex);
		}
	}

	/** Graceful (SIGTERM, controlled shutdown) or {@code kill} (SIGKILL). */
	synchronized void stop(boolean kill) {
		if (this.process != null) {
			Processes.stop(this.process, Duration.ofSeconds(30), kill);
			this.process = null;
		}
	}

	/** Freezes or thaws the running node (see {@link Processes#freeze}). */
	synchronized void freeze(boolean frozen) {
		if (this.process == null) {
			throw new IllegalStateException(this.name + " is not running");
		}
		Processes.freeze(this.process, frozen);
	}

	boolean isAlive() {
		Process current = this.process;
		return current != null && current.isAlive();
	}

	boolean isListening() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.ports.get(0)), 500);
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
					this.name + " exited on start:" + System.lineSeparator() + Processes.tail(log(), 30));
		}
	}

	/**
	 * Returns when {@code expected} brokers answer on {@code bootstrapServers} and every
	 * broker node listens; fails when a node exits meanwhile.
	 */
	static void awaitBrokers(String bootstrapServers, int expected, List<KafkaNode> brokers, List<KafkaNode> all,
			Path home) {
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
				5000);
		try (Admin admin = Admin.create(config)) {
			while (System.nanoTime() < deadline) {
				all.forEach(KafkaNode::requireAlive);
				try {
					int answering = admin.describeCluster(new DescribeClusterOptions().timeoutMs(4000))
						.nodes()
						.get(5, TimeUnit.SECONDS)
						.size();
					if (answering >= expected && brokers.stream().allMatch(KafkaNode::isListening)) {
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
		throw new IllegalStateException("Kafka did not have " + expected + " broker(s) within " + START_TIMEOUT
				+ "; see the logs under " + home);
	}

	/** The id every node's storage is formatted with, made once and kept in the home. */
	static String clusterId(Path home) {
		Path file = home.resolve("cluster.id");
		try {
			if (Files.isRegularFile(file)) {
				return Files.readString(file).trim();
			}
			Files.createDirectories(home);
			String id = Uuid.randomUuid().toString();
			Files.writeString(file, id);
			return id;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * How a broker creates topics: six partitions, the given replication, and the same
	 * for Kafka's internal topics.
	 * @param replication replication factor of every topic
	 * @param minInSync {@code min.insync.replicas} of every topic
	 * @return lines of {@code server.properties}
	 */
	static String topicDefaults(int replication, int minInSync) {
		return """
				num.partitions=6
				default.replication.factor=%1$d
				min.insync.replicas=%2$d
				auto.create.topics.enable=true
				offsets.topic.replication.factor=%1$d
				offsets.topic.num.partitions=10
				transaction.state.log.replication.factor=%1$d
				transaction.state.log.min.isr=%2$d
				transaction.state.log.num.partitions=10
				share.coordinator.state.topic.replication.factor=%1$d
				share.coordinator.state.topic.min.isr=%2$d
				group.initial.rebalance.delay.ms=0
				log.retention.hours=24
				""".formatted(replication, minInSync);
	}

	/**
	 * Where clients reach it.
	 * @return {@code 127.0.0.1:<its first port>}
	 */
	String address() {
		return "127.0.0.1:" + this.ports.get(0);
	}

	private Path log() {
		return this.dir.resolve("kafka.log");
	}

	private Path pidFile() {
		return this.dir.resolve("kafka.pid");
	}

	private Path writeConfiguration() throws IOException {
		Path properties = this.dir.resolve("server.properties");
		Files.writeString(properties, this.configuration + "log.dirs=" + this.dir.resolve("logs") + "\n",
				StandardCharsets.UTF_8);
		Files.writeString(this.dir.resolve("log4j2.properties"), LOG4J2.formatted(this.infoLogger),
				StandardCharsets.UTF_8);
		return properties;
	}

	private void formatOnce(String clusterId, Path properties) {
		if (Files.exists(this.dir.resolve("logs").resolve("meta.properties"))) {
			return;
		}
		Launcher.Finished format = Launcher.run(java("kafka.tools.StorageTool", "format", "--ignore-formatted", "-t",
				clusterId, "-c", properties.toString()), Map.of(), FORMAT_TIMEOUT, log());
		if (!format.succeeded()) {
			throw new IllegalStateException("formatting the storage of " + this.name + " failed:"
					+ System.lineSeparator() + Processes.tail(log(), 20));
		}
	}

	private List<String> java(String mainClass, String... args) {
		List<String> options = new ArrayList<>(this.jvm);
		options.add("-Dlog4j2.configurationFile=" + this.dir.resolve("log4j2.properties"));
		List<String> rest = new ArrayList<>(List.of("-cp", classpath(), mainClass));
		rest.addAll(List.of(args));
		return Launcher.java(options, rest.toArray(String[]::new));
	}

	/**
	 * The broker's classpath: the file generated at build time when present (a Maven test
	 * JVM only has a manifest-only jar on {@code java.class.path}), else this JVM's
	 * classpath.
	 */
	static String classpath() {
		try (InputStream in = KafkaNode.class.getClassLoader().getResourceAsStream(CLASSPATH_RESOURCE)) {
			if (in != null) {
				String generated = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
				if (!generated.isEmpty()) {
					return generated;
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return System.getProperty("java.class.path");
	}

	private static final String LOG4J2 = """
			status = warn
			appender.console.type = Console
			appender.console.name = STDOUT
			appender.console.layout.type = PatternLayout
			appender.console.layout.pattern = [%%d] %%p %%m (%%c)%%n
			rootLogger.level = WARN
			rootLogger.appenderRef.stdout.ref = STDOUT
			logger.server.name = %s
			logger.server.level = INFO
			""";

}
