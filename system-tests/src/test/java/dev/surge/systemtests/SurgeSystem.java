package dev.surge.systemtests;

import java.nio.file.Files;
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

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.sync.RedisCommands;

import org.junit.jupiter.api.Assumptions;

import dev.surge.devstack.DevServers;
import dev.surge.devstack.Launcher;
import dev.surge.devstack.Ports;
import dev.surge.devstack.ServiceProcess;

/**
 * The whole system as a user runs it: real Kafka, Redis and MySQL (Testcontainers or
 * devstack), the consumer and the API started from their jars as processes. Started once
 * per test run and shared by every test class.
 */
final class SurgeSystem {

	static final String JWT_SECRET = "system-tests-" + UUID.randomUUID() + "-" + UUID.randomUUID();

	private static SurgeSystem instance;

	private static RuntimeException startFailure;

	private final Infrastructure infrastructure;

	private final Path home;

	private final Map<String, String> environment;

	private ServiceProcess consumer;

	private ServiceProcess api;

	private ServiceProcess secondConsumer;

	private final Api client;

	private final TraceReceiver traces;

	private final RedisClient redisClient;

	private final RedisCommands<String, String> redis;

	private final AlertReceiver alerts = new AlertReceiver();

	private SurgeSystem() {
		this.infrastructure = Infrastructure.shared();
		this.home = Paths.get(System.getProperty("surge.home", "..")).toAbsolutePath().normalize();
		this.environment = new HashMap<>(this.infrastructure.springEnvironment());
		this.environment.put("SURGE_SECURITY_JWT_SECRET", JWT_SECRET);
		this.environment.putAll(SecurityTestEnvironment.VARIABLES);
		this.environment.put("SURGE_ALERTS_WEBHOOK_URL", this.alerts.url());
		this.environment.put("SURGE_ALERTS_CHECK_INTERVAL", "PT2S");
		this.environment.put("SURGE_RETENTION_INTERVAL", "PT2S");
		// both services export their sampled spans here (the production sampling, 0.1)
		this.traces = TraceReceiver.start();
		this.environment.put("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", this.traces.endpoint());
		this.environment.put("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_SCHEDULE_DELAY", "500ms");
		this.consumer = startConsumer();
		this.api = startApi();
		this.client = new Api("http://127.0.0.1:" + this.api.port());
		this.redisClient = RedisClient.create("redis://" + this.environment.get("SPRING_DATA_REDIS_HOST") + ":"
				+ this.environment.get("SPRING_DATA_REDIS_PORT"));
		this.redis = this.redisClient.connect().sync();
		Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
	}

	static synchronized SurgeSystem get() {
		if (startFailure != null) {
			throw new IllegalStateException("The system did not start", startFailure);
		}
		if (instance == null) {
			try {
				instance = new SurgeSystem();
			}
			catch (RuntimeException ex) {
				startFailure = ex;
				throw ex;
			}
		}
		return instance;
	}

	Api api() {
		return this.client;
	}

	/** What the consumer POSTed to its alert webhook. */
	AlertReceiver alerts() {
		return this.alerts;
	}

	TraceReceiver traces() {
		return this.traces;
	}

	/** Where the first consumer serves its actuator endpoints. */
	String consumerUrl() {
		return "http://127.0.0.1:" + this.consumer.port();
	}

	Infrastructure infrastructure() {
		return this.infrastructure;
	}

	/**
	 * The local servers, for tests that stop, kill and restart them. On Testcontainers
	 * there are none: such a test is skipped, and says why.
	 */
	DevServers localServers() {
		Assumptions.assumeTrue(this.infrastructure.usesDevServers(),
				"stops and restarts Kafka, Redis or MySQL as local processes: skipped on Testcontainers "
						+ "(Docker present or SURGE_INFRASTRUCTURE=testcontainers)");
		return this.infrastructure.devServers();
	}

	RedisCommands<String, String> redis() {
		return this.redis;
	}

	Connection mysql() throws SQLException {
		return DriverManager.getConnection(this.environment.get("SPRING_DATASOURCE_URL"),
				this.environment.get("SPRING_DATASOURCE_USERNAME"), this.environment.get("SPRING_DATASOURCE_PASSWORD"));
	}

	String kafkaBootstrapServers() {
		return this.environment.get("SPRING_KAFKA_BOOTSTRAP_SERVERS");
	}

	/**
	 * A second consumer instance in the same group: partitions split, both run the
	 * timers.
	 */
	synchronized void ensureTwoConsumers() {
		if (this.secondConsumer == null) {
			this.secondConsumer = startConsumer();
		}
	}

	/** Kills the API process (SIGKILL) and starts a new one on the same port. */
	void restartApi() {
		this.api.kill();
		this.api = startApi(this.api.port());
	}

	/**
	 * Kills the API process (SIGKILL) without starting another; see
	 * {@link #restartApi()}.
	 */
	void killApi() {
		this.api.kill();
	}

	/**
	 * Kills the first consumer (SIGKILL, as a crash would, at whatever point of a batch
	 * it is) and starts a new one in the same group.
	 */
	void restartConsumer() {
		this.consumer.kill();
		this.consumer = startConsumer();
	}

	/** Runs the stock-sync CLI as a user would, returning its exit code and output. */
	CommandResult stockSync(String... args) {
		List<String> command = new ArrayList<>(Launcher.java(List.of(), "-jar", jar("stock-sync").toString()));
		command.addAll(List.of(args));
		Launcher.Finished run = Launcher.run(command, this.environment, Duration.ofSeconds(120), null);
		if (run.exitCode() == Launcher.TIMED_OUT) {
			throw new IllegalStateException("stock-sync " + String.join(" ", args) + " did not finish");
		}
		return new CommandResult(run.exitCode(), run.output());
	}

	private ServiceProcess startConsumer() {
		Map<String, String> env = new HashMap<>(this.environment);
		int port = Ports.free();
		env.put("SERVER_PORT", Integer.toString(port));
		env.put("SURGE_METRICS_REFRESH_INTERVAL", "PT1S");
		// a killed consumer's partitions move on after 10 s instead of 45 s
		env.put("SPRING_APPLICATION_JSON", "{\"spring.kafka.consumer.properties.session.timeout.ms\":\"10000\","
				+ "\"spring.kafka.consumer.properties.heartbeat.interval.ms\":\"2000\"}");
		return ServiceProcess.start("order-consumer", jar("order-consumer"), env, List.of("-Xmx512m"), port,
				logFile("order-consumer-" + port));
	}

	private ServiceProcess startApi() {
		return startApi(Ports.free());
	}

	private ServiceProcess startApi(int port) {
		Map<String, String> env = new HashMap<>(this.environment);
		env.put("SERVER_PORT", Integer.toString(port));
		return ServiceProcess.start("order-api", jar("order-api"), env, List.of("-Xmx256m"), port,
				logFile("order-api"));
	}

	private Path jar(String module) {
		String version = System.getProperty("surge.version", "0.1.0-SNAPSHOT");
		Path jar = this.home.resolve(module).resolve("target").resolve(module + "-" + version + "-exec.jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " not found: build with ./mvnw package first");
		}
		return jar;
	}

	private Path logFile(String name) {
		return this.home.resolve("system-tests").resolve("target").resolve(name + ".log");
	}

	private void stop() {
		this.api.stop();
		if (this.secondConsumer != null) {
			this.secondConsumer.stop();
		}
		this.consumer.stop();
		this.redisClient.shutdown();
		this.alerts.stop();
		this.traces.stop();
	}

	record CommandResult(int exitCode, String output) {
	}

}
