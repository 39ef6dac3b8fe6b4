package dev.surge.devstack;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The single-node stack: real Redis, MariaDB and Kafka servers as child processes of this
 * JVM, with their data under one directory ({@code redis/}, {@code mariadb/},
 * {@code kafka/}).
 * <p>
 * Processes left by a crashed earlier run on the same data dir are killed on start (pid
 * files). The stop/start methods exist for fault tests and chaos runs.
 */
public final class DevServers extends Stack {

	private final Options options;

	private final RedisServer redis;

	private final KafkaServer kafka;

	private DevServers(Options options) {
		super(options.dataDir(), new MariaDbServer(options.dataDir().resolve("mariadb"), options.mysqlPort()));
		this.options = options;
		this.redis = new RedisServer(options.dataDir().resolve("redis"), options.redisPort());
		this.kafka = new KafkaServer(options.dataDir().resolve("kafka"), options.kafkaPort(),
				options.kafkaControllerPort());
	}

	/**
	 * Starts the three servers in parallel and returns when all of them answer.
	 * @param options where the data lives and which ports to use
	 * @return the running servers
	 */
	public static DevServers start(Options options) {
		Path dataDir = options.dataDir().toAbsolutePath().normalize();
		DevServers servers = new DevServers(new Options(dataDir, options.redisPort(), options.mysqlPort(),
				options.kafkaPort(), options.kafkaControllerPort()));
		Map<String, Runnable> starts = new LinkedHashMap<>();
		starts.put("Redis", servers.redis::start);
		starts.put("MariaDB", servers.mysql()::start);
		starts.put("Kafka", servers.kafka::start);
		servers.startAll(starts);
		return servers;
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

	@Override
	public String kafkaBootstrapServers() {
		return this.kafka.bootstrapServers();
	}

	@Override
	public Map<String, String> springEnvironment() {
		return environment(jdbcUrl(), dbUser(), dbPassword(), redisHost(), redisPort(), kafkaBootstrapServers());
	}

	/**
	 * The connection settings of a single-node stack, wherever its servers run.
	 * @param jdbcUrl the MySQL or MariaDB URL
	 * @param user its user
	 * @param password its password
	 * @param redisHost the Redis host
	 * @param redisPort the Redis port
	 * @param kafka the Kafka bootstrap servers
	 * @return {@code SPRING_DATASOURCE_*}, {@code SPRING_DATA_REDIS_*} and
	 * {@code SPRING_KAFKA_BOOTSTRAP_SERVERS}
	 */
	public static Map<String, String> environment(String jdbcUrl, String user, String password, String redisHost,
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

	/**
	 * Freezes the broker (SIGSTOP) or thaws it (SIGCONT): requests reach it and wait
	 * unanswered, and are handled late once it runs again.
	 */
	public void freezeKafka(boolean frozen) {
		this.kafka.freeze(frozen);
	}

	/** Starts Kafka again on the same ports and data; returns when it answers. */
	public void startKafka() {
		this.kafka.start();
	}

	public void stopMysql() {
		mysql().stop();
	}

	public void startMysql() {
		mysql().start();
	}

	public boolean isRedisRunning() {
		return this.redis.isAlive();
	}

	public boolean isKafkaRunning() {
		return this.kafka.isAlive();
	}

	public boolean isMysqlRunning() {
		return mysql().isRunning();
	}

	@Override
	void stopServers() {
		quietly(() -> this.kafka.stop(false));
		quietly(() -> this.redis.stop(false));
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
			int[] ports = Ports.free(4);
			return new Options(dataDir, ports[0], ports[1], ports[2], ports[3]);
		}

	}

}
