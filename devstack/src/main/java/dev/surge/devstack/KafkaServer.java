package dev.surge.devstack;

import java.nio.file.Path;
import java.util.List;

/**
 * A single KRaft node, broker and controller in one ({@link KafkaNode}), for the
 * single-node stack; its cluster id is kept in the home.
 */
final class KafkaServer {

	private final Path home;

	private final KafkaNode node;

	KafkaServer(Path home, int port, int controllerPort) {
		this.home = home;
		this.node = new KafkaNode("Kafka", home, List.of(port, controllerPort),
				List.of("-Xms128m", "-Xmx512m", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20",
						"-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true"),
				"kafka.server", configuration(port, controllerPort));
	}

	String bootstrapServers() {
		return this.node.address();
	}

	/** Starts the node; returns when it answers. */
	void start() {
		this.node.start(KafkaNode.clusterId(this.home));
		KafkaNode.awaitBrokers(bootstrapServers(), 1, List.of(this.node), List.of(this.node), this.home);
	}

	/** Graceful (SIGTERM, controlled shutdown) or {@code kill} (SIGKILL). */
	void stop(boolean kill) {
		this.node.stop(kill);
	}

	void freeze(boolean frozen) {
		this.node.freeze(frozen);
	}

	boolean isAlive() {
		return this.node.isAlive();
	}

	/**
	 * Static quorum ({@code controller.quorum.voters}): a restart on other ports keeps
	 * working.
	 */
	private static String configuration(int port, int controllerPort) {
		return """
				process.roles=broker,controller
				node.id=1
				controller.quorum.voters=1@127.0.0.1:%2$d
				listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
				advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
				controller.listener.names=CONTROLLER
				inter.broker.listener.name=PLAINTEXT
				listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
				num.network.threads=2
				num.io.threads=4
				""".formatted(port, controllerPort) + KafkaNode.topicDefaults(1, 1);
	}

}
