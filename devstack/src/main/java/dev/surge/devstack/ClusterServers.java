package dev.surge.devstack;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The production topology's servers on one machine: a KRaft controller and three Kafka
 * brokers (replication factor 3, {@code min.insync.replicas=2}), a Redis Cluster of three
 * masters and MariaDB, all real servers as child processes, with their data under one
 * directory ({@code kafka/}, {@code redis-cluster/}, {@code mariadb/}).
 * <p>
 * Locking, start and stop as every {@link Stack}.
 */
public final class ClusterServers extends Stack {

	/** Replication factor of the topics the consumer creates. */
	public static final int REPLICATION_FACTOR = 3;

	private final Options options;

	private final KafkaCluster kafka;

	private final RedisCluster redis;

	private ClusterServers(Options options) {
		super(options.dataDir(), new MariaDbServer(options.dataDir().resolve("mariadb"), options.mysqlPort()));
		this.options = options;
		Path dir = options.dataDir();
		this.kafka = new KafkaCluster(dir.resolve("kafka"), options.kafkaControllerPort(), options.kafkaPorts());
		this.redis = new RedisCluster(dir.resolve("redis-cluster"), options.redisPassword(), options.redisPorts());
	}

	/**
	 * Starts Kafka, Redis and MariaDB in parallel and returns when all of them answer.
	 * @param options where the data lives, which ports, the Redis password
	 * @return the running servers
	 */
	public static ClusterServers start(Options options) {
		ClusterServers servers = new ClusterServers(
				options.withDataDir(options.dataDir().toAbsolutePath().normalize()));
		Map<String, Runnable> starts = new LinkedHashMap<>();
		starts.put("Kafka cluster (1 controller, 3 brokers)", servers.kafka::start);
		starts.put("Redis Cluster (3 masters)", servers.redis::start);
		starts.put("MariaDB", servers.mysql()::start);
		servers.startAll(starts);
		return servers;
	}

	public Options options() {
		return this.options;
	}

	@Override
	public String kafkaBootstrapServers() {
		return this.kafka.bootstrapServers();
	}

	/**
	 * The Redis Cluster seed list.
	 * @return {@code 127.0.0.1:p1,127.0.0.1:p2,127.0.0.1:p3}
	 */
	public String redisClusterNodes() {
		return this.redis.nodes();
	}

	/**
	 * The connection settings as the services read them.
	 * @return {@code SPRING_DATASOURCE_*}, {@code SPRING_DATA_REDIS_CLUSTER_NODES} (and
	 * {@code SPRING_DATA_REDIS_PASSWORD}), {@code SPRING_KAFKA_BOOTSTRAP_SERVERS} and
	 * {@code SURGE_KAFKA_REPLICATION_FACTOR}
	 */
	@Override
	public Map<String, String> springEnvironment() {
		Map<String, String> env = new LinkedHashMap<>();
		env.put("SPRING_DATASOURCE_URL", jdbcUrl());
		env.put("SPRING_DATASOURCE_USERNAME", dbUser());
		env.put("SPRING_DATASOURCE_PASSWORD", dbPassword());
		env.put("SPRING_DATA_REDIS_CLUSTER_NODES", redisClusterNodes());
		if (this.options.redisPassword() != null) {
			env.put("SPRING_DATA_REDIS_PASSWORD", this.options.redisPassword());
		}
		env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers());
		env.put("SURGE_KAFKA_REPLICATION_FACTOR", Integer.toString(REPLICATION_FACTOR));
		return Collections.unmodifiableMap(env);
	}

	/**
	 * Stops one Kafka broker.
	 * @param broker 1, 2 or 3
	 * @param kill SIGKILL instead of a controlled shutdown
	 */
	public void stopKafkaBroker(int broker, boolean kill) {
		this.kafka.stopBroker(broker, kill);
	}

	/**
	 * Starts a stopped broker again; returns when every broker answers.
	 * @param broker 1, 2 or 3
	 */
	public void startKafkaBroker(int broker) {
		this.kafka.startBroker(broker);
	}

	public boolean isKafkaBrokerRunning(int broker) {
		return this.kafka.isBrokerAlive(broker);
	}

	@Override
	void stopServers() {
		quietly(this.kafka::stop);
		quietly(this.redis::stop);
	}

	/**
	 * Where the cluster keeps its data and which ports it listens on (all on 127.0.0.1).
	 *
	 * @param dataDir directory for data, logs and pid files
	 * @param kafkaControllerPort the KRaft controller's port
	 * @param kafkaPorts the brokers' ports (three)
	 * @param redisPorts the Redis Cluster masters' ports (three)
	 * @param mysqlPort MariaDB port
	 * @param redisPassword {@code requirepass} of every Redis node, or {@code null}
	 */
	public record Options(Path dataDir, int kafkaControllerPort, int[] kafkaPorts, int[] redisPorts, int mysqlPort,
			@Nullable String redisPassword) {

		/**
		 * The fixed ports of {@code devstack cluster}: Kafka controller 29093, brokers
		 * 29092, 29094, 29095; Redis 17001–17003; MariaDB 23306.
		 * @param dataDir directory for data, logs and pid files
		 * @param redisPassword Redis password, or {@code null}
		 * @return options with the fixed ports
		 */
		public static Options fixed(Path dataDir, @Nullable String redisPassword) {
			return new Options(dataDir, 29093, new int[] { 29092, 29094, 29095 }, new int[] { 17001, 17002, 17003 },
					23306, redisPassword);
		}

		/**
		 * Free random ports, for tests.
		 * @param dataDir directory for data, logs and pid files
		 * @param redisPassword Redis password, or {@code null}
		 * @return options with free ports
		 */
		public static Options random(Path dataDir, @Nullable String redisPassword) {
			int[] ports = Ports.free(5);
			return new Options(dataDir, ports[0], new int[] { ports[1], ports[2], ports[3] }, Ports.freeWithBus(3),
					ports[4], redisPassword);
		}

		Options withDataDir(Path dir) {
			return new Options(dir, this.kafkaControllerPort, this.kafkaPorts, this.redisPorts, this.mysqlPort,
					this.redisPassword);
		}

	}

}
