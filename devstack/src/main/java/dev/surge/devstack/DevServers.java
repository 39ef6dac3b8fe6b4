package dev.surge.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Real Redis, MariaDB and Kafka servers as child processes of this JVM, with their data
 * under one directory ({@code redis/}, {@code mariadb/}, {@code kafka/}).
 * <p>
 * Every server is stopped by {@link #close()} and by a JVM shutdown hook; processes left
 * by a crashed earlier run on the same data dir are killed on start (pid files). One data
 * dir serves one {@code DevServers} at a time (a file lock). The stop/start methods exist
 * for chaos tests.
 */
public final class DevServers implements AutoCloseable {

	private final Options options;

	private final RedisServer redis;

	private final MariaDbServer mysql;

	private final KafkaServer kafka;

	private final FileChannel lockChannel;

	private final FileLock lock;

	private volatile boolean closed;

	private DevServers(Options options, FileChannel lockChannel, FileLock lock) {
		this.options = options;
		this.lockChannel = lockChannel;
		this.lock = lock;
		Path dir = options.dataDir();
		this.redis = new RedisServer(dir.resolve("redis"), options.redisPort());
		this.mysql = new MariaDbServer(dir.resolve("mariadb"), options.mysqlPort());
		this.kafka = new KafkaServer(dir.resolve("kafka"), options.kafkaPort(), options.kafkaControllerPort());
	}

	/**
	 * Starts the three servers in parallel and returns when all of them answer.
	 * @param options where the data lives and which ports to use
	 * @return the running servers
	 */
	public static DevServers start(Options options) {
		Path dataDir = options.dataDir().toAbsolutePath().normalize();
		Options absolute = new Options(dataDir, options.redisPort(), options.mysqlPort(), options.kafkaPort(),
				options.kafkaControllerPort());
		DevServers servers = lock(absolute);
		Processes.register(servers);
		try {
			CompletableFuture
				.allOf(CompletableFuture.runAsync(servers::timedStartRedis),
						CompletableFuture.runAsync(servers::timedStartMysql),
						CompletableFuture.runAsync(servers::timedStartKafka))
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

	private static DevServers lock(Options options) {
		try {
			Files.createDirectories(options.dataDir());
			FileChannel channel = FileChannel.open(options.dataDir().resolve(".lock"), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE);
			FileLock lock = null;
			try {
				lock = channel.tryLock();
			}
			catch (OverlappingFileLockException ex) {
				// held by this JVM
			}
			if (lock == null) {
				channel.close();
				throw new IllegalStateException(
						"data dir " + options.dataDir() + " is used by another running devstack");
			}
			return new DevServers(options, channel, lock);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void timedStartRedis() {
		timed("Redis", this.redis::start);
	}

	private void timedStartMysql() {
		timed("MariaDB", this.mysql::start);
	}

	private void timedStartKafka() {
		timed("Kafka", this.kafka::start);
	}

	private static void timed(String name, Runnable start) {
		long began = System.nanoTime();
		start.run();
		System.out.printf("devstack: %s ready in %.1f s%n", name, (System.nanoTime() - began) / 1e9);
	}

	public Options options() {
		return this.options;
	}

	public String redisHost() {
		return "127.0.0.1";
	}

	public int redisPort() {
		return this.redis.port();
	}

	public String kafkaBootstrapServers() {
		return this.kafka.bootstrapServers();
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
	 * The connection settings as Spring Boot environment variables.
	 * @return {@code SPRING_DATASOURCE_*}, {@code SPRING_DATA_REDIS_*} and
	 * {@code SPRING_KAFKA_BOOTSTRAP_SERVERS}
	 */
	public Map<String, String> springEnvironment() {
		return springEnvironment(jdbcUrl(), dbUser(), dbPassword(), redisHost(), redisPort(), kafkaBootstrapServers());
	}

	static Map<String, String> springEnvironment(String jdbcUrl, String user, String password, String redisHost,
			int redisPort, String kafka) {
		Map<String, String> env = new LinkedHashMap<>();
		env.put("SPRING_DATASOURCE_URL", jdbcUrl);
		env.put("SPRING_DATASOURCE_USERNAME", user);
		env.put("SPRING_DATASOURCE_PASSWORD", password);
		env.put("SPRING_DATA_REDIS_HOST", redisHost);
		env.put("SPRING_DATA_REDIS_PORT", Integer.toString(redisPort));
		env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka);
		return Collections.unmodifiableMap(env);
	}

	/** Stops Redis gracefully (SIGTERM: the AOF is flushed). */
	public void stopRedis() {
		this.redis.stop(false);
	}

	/**
	 * Stops Redis.
	 * @param kill SIGKILL instead of SIGTERM (writes of the last second may be lost)
	 */
	public void stopRedis(boolean kill) {
		this.redis.stop(kill);
	}

	/** Starts Redis again on the same port; it reloads its AOF. */
	public void startRedis() {
		this.redis.start();
	}

	/**
	 * Restarts Redis empty: stops it if running, deletes its data files and starts it.
	 */
	public void wipeRedisData() {
		this.redis.stop(false);
		this.redis.wipe();
		this.redis.start();
	}

	/**
	 * Stops the Kafka broker.
	 * @param kill SIGKILL instead of a controlled shutdown
	 */
	public void stopKafka(boolean kill) {
		this.kafka.stop(kill);
	}

	/** Starts Kafka again on the same ports and data; returns when it answers. */
	public void startKafka() {
		this.kafka.start();
	}

	public void stopMysql() {
		this.mysql.stop();
	}

	public void startMysql() {
		this.mysql.start();
	}

	public boolean isRedisRunning() {
		return this.redis.isAlive();
	}

	public boolean isKafkaRunning() {
		return this.kafka.isAlive();
	}

	public boolean isMysqlRunning() {
		return this.mysql.isRunning();
	}

	/** Stops every server (Kafka first, then Redis and MariaDB); idempotent. */
	@Override
	public void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		Processes.unregister(this);
		quietly(() -> this.kafka.stop(false));
		quietly(() -> this.redis.stop(false));
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
	 * Where the servers keep their data and which ports they listen on (all on
	 * 127.0.0.1).
	 *
	 * @param dataDir directory for data, logs and pid files
	 * @param redisPort Redis port
	 * @param mysqlPort MariaDB port
	 * @param kafkaPort Kafka broker (PLAINTEXT) port
	 * @param kafkaControllerPort Kafka KRaft controller port
	 */
	public record Options(Path dataDir, int redisPort, int mysqlPort, int kafkaPort, int kafkaControllerPort) {

		public static final int DEFAULT_REDIS_PORT = 16379;

		public static final int DEFAULT_MYSQL_PORT = 13306;

		public static final int DEFAULT_KAFKA_PORT = 19092;

		public static final int DEFAULT_KAFKA_CONTROLLER_PORT = 19093;

		/**
		 * The fixed ports of the one-command run: Redis 16379, MariaDB 13306, Kafka 19092
		 * (controller 19093).
		 * @param dataDir directory for data, logs and pid files
		 * @return options with the fixed ports
		 */
		public static Options fixed(Path dataDir) {
			return new Options(dataDir, DEFAULT_REDIS_PORT, DEFAULT_MYSQL_PORT, DEFAULT_KAFKA_PORT,
					DEFAULT_KAFKA_CONTROLLER_PORT);
		}

		/**
		 * Free random ports, for tests.
		 * @param dataDir directory for data, logs and pid files
		 * @return options with free ports
		 */
		public static Options random(Path dataDir) {
			int[] ports = Processes.freePorts(4);
			return new Options(dataDir, ports[0], ports[1], ports[2], ports[3]);
		}

	}

}
