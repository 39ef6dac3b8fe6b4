package dev.surge.devstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A KRaft cluster of one controller and several brokers, each a {@link KafkaNode}
 * (separate roles: several combined nodes on one machine fail, KAFKA-19867). Topics
 * default to replication factor 3 and {@code min.insync.replicas=2}, so one broker may
 * die without losing an acknowledged record.
 */
final class KafkaCluster {

	private static final List<String> JVM = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
			"-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true");

	private static final String INFO_LOGGER = "kafka.server.KafkaRaftServer";

	private final Path home;

	private final KafkaNode controller;

	private final List<KafkaNode> brokers = new ArrayList<>();

	KafkaCluster(Path home, int controllerPort, int... brokerPorts) {
		this.home = home;
		String voters = "0@127.0.0.1:" + controllerPort;
		this.controller = new KafkaNode("Kafka controller", home.resolve("controller"), List.of(controllerPort), JVM,
				INFO_LOGGER, common(0, voters) + """
						process.roles=controller
						listeners=CONTROLLER://127.0.0.1:%d
						broker.session.timeout.ms=6000
						""".formatted(controllerPort));
		for (int i = 0; i < brokerPorts.length; i++) {
			int id = i + 1;
			this.brokers.add(new KafkaNode("Kafka broker " + id, home.resolve("broker-" + id), List.of(brokerPorts[i]),
					JVM, INFO_LOGGER, common(id, voters) + broker(brokerPorts[i])));
		}
	}

	String bootstrapServers() {
		return this.brokers.stream().map(KafkaNode::address).collect(Collectors.joining(","));
	}

	int brokerCount() {
		return this.brokers.size();
	}

	/** Starts the controller, then every broker; returns when all answer. */
	void start() {
		String clusterId = KafkaNode.clusterId(this.home);
		this.controller.start(clusterId);
		for (KafkaNode broker : this.brokers) {
			broker.start(clusterId);
		}
		awaitBrokers();
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
		this.brokers.get(broker - 1).start(KafkaNode.clusterId(this.home));
		awaitBrokers();
	}

	boolean isBrokerAlive(int broker) {
		return this.brokers.get(broker - 1).isAlive();
	}

	/** Brokers first, then the controller. */
	void stop() {
		for (KafkaNode broker : this.brokers) {
			broker.stop(false);
		}
		this.controller.stop(false);
	}

	private void awaitBrokers() {
		List<KafkaNode> all = new ArrayList<>(this.brokers);
		all.add(this.controller);
		KafkaNode.awaitBrokers(bootstrapServers(), this.brokers.size(), this.brokers, all, this.home);
	}

	private static String common(int id, String voters) {
		return """
				node.id=%d
				controller.quorum.voters=%s
				controller.listener.names=CONTROLLER
				listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
				num.network.threads=2
				num.io.threads=2
				background.threads=2
				log.cleaner.threads=1
				""".formatted(id, voters);
	}

	private static String broker(int port) {
		return """
				process.roles=broker
				listeners=PLAINTEXT://127.0.0.1:%1$d
				broker.heartbeat.interval.ms=1000
				advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
				inter.broker.listener.name=PLAINTEXT
				replica.lag.time.max.ms=10000
				""".formatted(port) + KafkaNode.topicDefaults(ClusterServers.REPLICATION_FACTOR, 2);
	}

}
