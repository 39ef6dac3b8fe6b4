package dev.surge.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
 * A single KRaft node (broker and controller in one) running {@code kafka.Kafka} in a
 * child JVM, so that it can be stopped, killed and started again like a real server.
 */
final class KafkaServer {

	/** Written at build time by maven-dependency-plugin (build-classpath). */
	static final String CLASSPATH_RESOURCE = "dev/surge/devstack/kafka.classpath";

	private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

	private final Path home;

	private final int port;

	private final int controllerPort;

	private @Nullable Process process;

	KafkaServer(Path home, int port, int controllerPort) {
		this.home = home;
		this.port = port;
		this.controllerPort = controllerPort;
	}

	String bootstrapServers() {
		return "127.0.0.1:" + this.port;
	}

	synchronized void start() {
		if (this.process != null && this.process.isAlive()) {
			return;
		}
		Path log = this.home.resolve("kafka.log");
		try {
			Files.createDirectories(this.home);
			Processes.killStale(pidFile(), this.home.toString());
			Processes.requireFreePort(this.port, "Kafka");
			Processes.requireFreePort(this.controllerPort, "Kafka controller");
			Path properties = writeConfiguration();
			formatStorageOnce(properties, log);
			this.process = new ProcessBuilder(Processes.detached(javaCommand("kafka.Kafka", properties.toString())))
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
			Processes.writePid(pidFile(), this.process.pid());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start Kafka", ex);
		}
		awaitBroker(log);
	}

	/** Graceful (SIGTERM, controlled shutdown) or {@code kill} (SIGKILL). */
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

	private Path pidFile() {
		return this.home.resolve("kafka.pid");
	}

	private Path writeConfiguration() throws IOException {
		String controller = "127.0.0.1:" + this.controllerPort;
		// static quorum (controller.quorum.voters): a restart on other ports keeps
		// working
		String config = """
				process.roles=broker,controller
				node.id=1
				controller.quorum.voters=1@%2$s
				listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://%2$s
				advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
				controller.listener.names=CONTROLLER
				inter.broker.listener.name=PLAINTEXT
				listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
				log.dirs=%3$s
				num.partitions=6
				auto.create.topics.enable=true
				offsets.topic.replication.factor=1
				offsets.topic.num.partitions=10
				transaction.state.log.replication.factor=1
				transaction.state.log.min.isr=1
				transaction.state.log.num.partitions=10
				share.coordinator.state.topic.replication.factor=1
				share.coordinator.state.topic.min.isr=1
				group.initial.rebalance.delay.ms=0
				num.network.threads=2
				num.io.threads=4
				log.retention.hours=24
				""".formatted(this.port, controller, this.home.resolve("logs"));
		Path properties = this.home.resolve("server.properties");
		Files.writeString(properties, config, StandardCharsets.UTF_8);
		Files.writeString(this.home.resolve("log4j2.properties"), LOG4J2, StandardCharsets.UTF_8);
		return properties;
	}

	private void formatStorageOnce(Path properties, Path log) throws IOException {
		if (Files.exists(this.home.resolve("logs").resolve("meta.properties"))) {
			return;
		}
		List<String> command = javaCommand("kafka.tools.StorageTool", "format", "--ignore-formatted", "-t",
				Uuid.randomUuid().toString(), "-c", properties.toString());
		Process format = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
		try {
			if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
				format.destroyForcibly();
				throw new IllegalStateException(
						"formatting the Kafka storage failed:" + System.lineSeparator() + Processes.tail(log, 20));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	private List<String> javaCommand(String mainClass, String... args) {
		List<String> command = new ArrayList<>(List.of(Processes.javaBinary(), "-Xms128m", "-Xmx512m", "-XX:+UseG1GC",
				"-XX:MaxGCPauseMillis=20", "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true",
				"-Dlog4j2.configurationFile=" + this.home.resolve("log4j2.properties"), "-cp", classpath(), mainClass));
		command.addAll(List.of(args));
		return command;
	}

	private void awaitBroker(Path log) {
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
				3000);
		try (Admin admin = Admin.create(config)) {
			while (System.nanoTime() < deadline) {
				Process current = this.process;
				if (current == null || !current.isAlive()) {
					throw new IllegalStateException(
							"Kafka exited on start:" + System.lineSeparator() + Processes.tail(log, 30));
				}
				try {
					int brokers = admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000))
						.nodes()
						.get(4, TimeUnit.SECONDS)
						.size();
					if (brokers > 0) {
						return;
					}
				}
				catch (Exception ex) {
					if (ex instanceof InterruptedException) {
						Thread.currentThread().interrupt();
						throw new IllegalStateException("interrupted", ex);
					}
				}
				Processes.sleep(Duration.ofMillis(200));
			}
		}
		throw new IllegalStateException("Kafka did not answer within " + START_TIMEOUT + ":" + System.lineSeparator()
				+ Processes.tail(log, 30));
	}

	/**
	 * The broker's classpath: the file generated at build time when present (a Maven test
	 * JVM only has a manifest-only jar on {@code java.class.path}), else this JVM's
	 * classpath.
	 */
	static String classpath() {
		try (InputStream in = KafkaServer.class.getClassLoader().getResourceAsStream(CLASSPATH_RESOURCE)) {
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
			appender.console.layout.pattern = [%d] %p %m (%c)%n
			rootLogger.level = WARN
			rootLogger.appenderRef.stdout.ref = STDOUT
			logger.server.name = kafka.server
			logger.server.level = INFO
			logger.raft.name = kafka.server.KafkaRaftServer
			logger.raft.level = INFO
			""";

}
