package dev.surge.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jspecify.annotations.Nullable;

/**
 * The production topology's servers on one machine: a KRaft controller and three Kafka
 * brokers (replication factor 3, {@code min.insync.replicas=2}), a Redis Cluster of three
 * masters and MariaDB, all real servers as child processes, with their data under one
 * directory ({@code kafka/}, {@code redis-cluster/}, {@code mariadb/}).
 * <p>
 * Stopped by {@link #close()} and by the devstack shutdown hook; a data dir serves one
 * {@code ClusterServers} at a time.
 */
public final class ClusterServers implements AutoCloseable {

	/** Replication factor of the topics the consumer creates. */
	public static final int REPLICATION_FACTOR = 3;

	private final Options options;

	private final KafkaCluster kafka;

	private final RedisCluster redis;

	private final MariaDbServer mysql;

	private final FileChannel lockChannel;

	private final FileLock lock;

	private volatile boolean closed;

	private ClusterServers(Options options, FileChannel lockChannel, FileLock lock) {
		this.options = options;
		this.lockChannel = lockChannel;
		this.lock = lock;
		Path dir = options.dataDir();
		this.kafka = new KafkaCluster(dir.resolve("kafka"), options.kafkaControllerPort(), options.kafkaPorts());
		this.redis = new RedisCluster(dir.resolve("redis-cluster"), options.redisPassword(), options.redisPorts());
		this.mysql = new MariaDbServer(dir.resolve("mariadb"), options.mysqlPort());
	}

	/**
	 * Starts Kafka, Redis and MariaDB in parallel and returns when all of them answer.
	 * @param options where the data lives, which ports, the Redis password
	 * @return the running servers
	 */
	public static ClusterServers start(Options options) {
		Options absolute = options.withDataDir(options.dataDir().toAbsolutePath().normalize());
		ClusterServers servers = lock(absolute);
		Processes.register(servers);
		try {
			CompletableFuture
				.allOf(CompletableFuture
					.runAsync(() -> timed("Kafka cluster (1 controller, 3 brokers)", servers.kafka::start)),
						CompletableFuture.runAsync(() -> timed("Redis Cluster (3 masters)", servers.redis::start)),
						CompletableFuture.runAsync(() -> timed("MariaDB", servers.mysql::start)))
				.join();
			return servers;
		}
		catch (CompletionException ex) {
			servers.close();
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	private static ClusterServers lock(Options options) {
		try {
			Files.createDirectories(options.dataDir());
			FileChannel channel = FileChannel.open(options.dataDir().resolve(".lock"), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE);
			FileLock lock = channel.tryLock();
			if (lock == null) {
				channel.close();
				throw new IllegalStateException(
						"data dir " + options.dataDir() + " is used by another running devstack");
			}
			return new ClusterServers(options, channel, lock);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void timed(String name, Runnable start) {
		long began = System.nanoTime();
		start.run();
		System.out.printf("devstack: %s ready in %.1f s%n", name, (System.nanoTime() - began) / 1e9);
	}

	public Options options() {
		return this.options;
	}

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

	public String jdbcUrl() {
		return this.mysql.jdbcUrl();
	}

	public String dbUser() {
		return MariaDbServer.USER;
	}

	public String dbPassword() {
		return MariaDbServer.PASSWORD;
	}

	/**
	 * The connection settings as the services read them.
	 * @return {@code SPRING_DATASOURCE_*}, {@code SPRING_DATA_REDIS_CLUSTER_NODES} (and
	 * {@code SPRING_DATA_REDIS_PASSWORD}), {@code SPRING_KAFKA_BOOTSTRAP_SERVERS} and
	 * {@code SURGE_KAFKA_REPLICATION_FACTOR}
	 */
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

	/** Stops everything (Kafka first, then Redis and MariaDB); idempotent. */
	@Override
	public void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		Processes.unregister(this);
		quietly(this.kafka::stop);
		quietly(this.redis::stop);
		quietly(this.mysql::stop);
		quietly(() -> {
			this.lock.release();
			this.lockChannel.close();
		});
	}

	private static void quietly(ThrowingRunnable action) {
		try {
			action.run();
		}
		catch (Exception ex) {
			System.err.println("devstack: " + ex);
		}
	}

	@FunctionalInterface
	private interface ThrowingRunnable {

		void run() throws Exception;

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
			int[] ports = Processes.freePorts(5);
			return new Options(dataDir, ports[0], new int[] { ports[1], ports[2], ports[3] }, redisPorts(3), ports[4],
					redisPassword);
		}

		/**
		 * Free ports below 55535 whose cluster bus port (+10000) is free too.
		 */
		private static int[] redisPorts(int count) {
			int[] ports = new int[count];
			java.util.Random random = new java.util.Random();
			int found = 0;
			while (found < count) {
				int candidate = 20000 + random.nextInt(30000);
				boolean taken = false;
				for (int i = 0; i < found; i++) {
					taken |= Math.abs(ports[i] - candidate) < 2 || Math.abs(ports[i] + 10000 - candidate) < 2
							|| Math.abs(ports[i] - 10000 - candidate) < 2;
				}
				if (!taken && isFree(candidate) && isFree(candidate + 10000)) {
					ports[found++] = candidate;
				}
			}
			return ports;
		}

		private static boolean isFree(int port) {
			try (java.net.ServerSocket socket = new java.net.ServerSocket(port, 1,
					java.net.InetAddress.getLoopbackAddress())) {
				return true;
			}
			catch (IOException ex) {
				return false;
			}
		}

		Options withDataDir(Path dir) {
			return new Options(dir, this.kafkaControllerPort, this.kafkaPorts, this.redisPorts, this.mysqlPort,
					this.redisPassword);
		}

	}

}
