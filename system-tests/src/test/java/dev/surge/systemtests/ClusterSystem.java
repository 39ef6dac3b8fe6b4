package dev.surge.systemtests;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands;

import dev.surge.devstack.Cleanup;
import dev.surge.devstack.ClusterServers;
import dev.surge.devstack.Launcher;
import dev.surge.devstack.Ports;
import dev.surge.devstack.ServiceProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Surge in its production topology, for {@link ClusterModeIntegrationTests}: devstack's
 * {@link ClusterServers} (a KRaft controller and three brokers, a three-master Redis
 * Cluster with a password, MariaDB) under a data dir of its own, two order-consumer and
 * two order-api processes, and a Redis Cluster client.
 */
final class ClusterSystem implements AutoCloseable {

	static final String JWT_SECRET = "cluster-tests-" + UUID.randomUUID() + "-" + UUID.randomUUID();

	static final String REDIS_PASSWORD = "cluster-tests-redis";

	static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36);

	private final Path home = Paths.get(System.getProperty("surge.home", "..")).toAbsolutePath().normalize();

	private final List<ServiceProcess> consumers = new ArrayList<>();

	private final List<ServiceProcess> apiProcesses = new ArrayList<>();

	private final List<Api> apis = new ArrayList<>();

	private final Path data;

	private final ClusterServers servers;

	private final Map<String, String> environment;

	private RedisClusterClient redisClient;

	private StatefulRedisClusterConnection<String, String> redisConnection;

	private ClusterSystem() {
		// one dir per test JVM: several runs may share this checkout
		this.data = this.home.resolve("system-tests/target/cluster-data")
			.resolve(RUN + "-" + ProcessHandle.current().pid());
		Cleanup.delete(this.data);
		this.servers = ClusterServers.start(ClusterServers.Options.random(this.data, REDIS_PASSWORD));
		this.environment = new HashMap<>(this.servers.springEnvironment());
		this.environment.put("SURGE_SECURITY_JWT_SECRET", JWT_SECRET);
		this.environment.putAll(SecurityTestEnvironment.VARIABLES);
		this.environment.put("SPRING_DATA_REDIS_PASSWORD", REDIS_PASSWORD);
		this.environment.put("SURGE_KAFKA_PARTITIONS", "6");
		this.environment.put("SPRING_KAFKA_LISTENER_CONCURRENCY", "2");
	}

	/**
	 * Starts the servers, then the first consumer (it creates the topics and the schema),
	 * then a second consumer and both APIs at once.
	 */
	static ClusterSystem start() {
		ClusterSystem system = new ClusterSystem();
		try {
			system.startServices();
			system.connectRedis();
			return system;
		}
		catch (RuntimeException ex) {
			system.close();
			throw ex;
		}
	}

	private void startServices() {
		this.consumers.add(startConsumer());
		try (ExecutorService starters = Executors.newVirtualThreadPerTaskExecutor()) {
			CompletableFuture<ServiceProcess> consumer = CompletableFuture.supplyAsync(this::startConsumer, starters);
			CompletableFuture<ServiceProcess> firstApi = CompletableFuture.supplyAsync(this::startApi, starters);
			CompletableFuture<ServiceProcess> secondApi = CompletableFuture.supplyAsync(this::startApi, starters);
			this.consumers.add(consumer.join());
			this.apiProcesses.add(firstApi.join());
			this.apiProcesses.add(secondApi.join());
		}
		for (ServiceProcess api : this.apiProcesses) {
			this.apis.add(new Api("http://127.0.0.1:" + api.port()));
		}
	}

	private void connectRedis() {
		List<RedisURI> seeds = Stream.of(this.servers.redisClusterNodes().split(","))
			.map((node) -> RedisURI.Builder.redis("127.0.0.1", Integer.parseInt(node.substring(node.indexOf(':') + 1)))
				.withPassword(REDIS_PASSWORD.toCharArray())
				.build())
			.toList();
		this.redisClient = RedisClusterClient.create(seeds);
		this.redisConnection = this.redisClient.connect();
	}

	/** The two APIs, which clients alternate between (what the balancer does). */
	List<Api> apis() {
		return this.apis;
	}

	ServiceProcess consumer(int index) {
		return this.consumers.get(index);
	}

	ClusterServers servers() {
		return this.servers;
	}

	RedisClusterClient redisClient() {
		return this.redisClient;
	}

	RedisAdvancedClusterCommands<String, String> redis() {
		return this.redisConnection.sync();
	}

	Connection mysql() throws SQLException {
		return DriverManager.getConnection(this.servers.jdbcUrl(), this.servers.dbUser(), this.servers.dbPassword());
	}

	/**
	 * stock-sync check with the cluster given as flags and the passwords in its
	 * environment, as an operator would run it.
	 */
	void assertStockSyncCheckClean() {
		List<String> command = Launcher.java(List.of("-Xmx256m"), "-jar", jar("stock-sync").toString(), "check",
				"--jdbc-url", this.servers.jdbcUrl(), "--db-user", this.servers.dbUser(), "--redis-cluster-nodes",
				this.servers.redisClusterNodes());
		Launcher.Finished check = Launcher.run(command, Map.of("SPRING_DATASOURCE_PASSWORD", this.servers.dbPassword(),
				"SPRING_DATA_REDIS_PASSWORD", REDIS_PASSWORD), Duration.ofSeconds(120), null);
		assertThat(check.exitCode()).as("stock-sync check finished").isNotEqualTo(Launcher.TIMED_OUT);
		assertThat(check.exitCode()).as(check.output()).isZero();
	}

	private ServiceProcess startConsumer() {
		Map<String, String> env = new HashMap<>(this.environment);
		int port = Ports.free();
		// a killed consumer's partitions move on after 10 s instead of 45 s
		env.put("SPRING_APPLICATION_JSON", "{\"spring.kafka.consumer.properties.session.timeout.ms\":\"10000\","
				+ "\"spring.kafka.consumer.properties.heartbeat.interval.ms\":\"2000\"}");
		return ServiceProcess.start("order-consumer", jar("order-consumer"), env, jvm(), port,
				log("cluster-order-consumer-" + RUN + "-" + port));
	}

	private ServiceProcess startApi() {
		int port = Ports.free();
		return ServiceProcess.start("order-api", jar("order-api"), this.environment, jvm(), port,
				log("cluster-order-api-" + RUN + "-" + port));
	}

	private static List<String> jvm() {
		return List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1");
	}

	private Path jar(String module) {
		String version = System.getProperty("surge.version", "0.1.0-SNAPSHOT");
		Path jar = this.home.resolve(module).resolve("target").resolve(module + "-" + version + "-exec.jar");
		assertThat(jar).as("build with ./mvnw package first").isRegularFile();
		return jar;
	}

	private Path log(String name) {
		return this.home.resolve("system-tests").resolve("target").resolve(name + ".log");
	}

	@Override
	public void close() {
		this.apiProcesses.forEach(ServiceProcess::stop);
		this.consumers.forEach(ServiceProcess::stop);
		if (this.redisClient != null) {
			this.redisConnection.close();
			this.redisClient.shutdown();
		}
		this.servers.close();
		try {
			Cleanup.delete(this.data);
		}
		catch (RuntimeException ex) {
			// left for mvn clean
		}
	}

}
