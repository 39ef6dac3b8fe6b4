package dev.surge.systemtests;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import com.redis.testcontainers.RedisContainer;
import org.jspecify.annotations.Nullable;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mysql.MySQLContainer;

import dev.surge.devstack.Cleanup;
import dev.surge.devstack.DevServers;

/**
 * One shared set of Kafka, Redis and MySQL per test JVM: Testcontainers (MySQL 8.4,
 * apache/kafka, redis; a test-scope dependency of this module only) when a Docker engine
 * is available, otherwise devstack's {@link DevServers} on free ports under
 * {@code target/devstack-data} (wiped at start). Started on first use and stopped by a
 * JVM shutdown hook.
 * <p>
 * The choice can be forced with the system property {@code surge.infrastructure} or the
 * environment variable {@code SURGE_INFRASTRUCTURE}: {@code devstack} or
 * {@code testcontainers}. The data dir can be moved with {@code surge.devstack.data-dir}.
 */
final class Infrastructure {

	/** The database, user and password of the devstack's MariaDB, the same in MySQL. */
	private static final String DATABASE = "surge";

	private static @Nullable Infrastructure shared;

	private final Map<String, String> environment;

	private final @Nullable DevServers devServers;

	private Infrastructure(Map<String, String> environment, @Nullable DevServers devServers) {
		this.environment = environment;
		this.devServers = devServers;
	}

	/**
	 * The servers of this JVM, started on the first call.
	 * @return the shared infrastructure
	 */
	static synchronized Infrastructure shared() {
		if (shared == null) {
			shared = useDocker() ? startContainers() : startDevServers(Path.of(dataDir()));
		}
		return shared;
	}

	/**
	 * Servers of its own, beside the shared ones, for a test whose data must not meet the
	 * other tests' (the demo reset deletes every order). Stopped by {@link #close()}.
	 * @param name names its data directory
	 * @return the new infrastructure
	 */
	static Infrastructure ofItsOwn(String name) {
		return useDocker() ? startContainers() : startDevServers(Path.of(dataDir() + "-" + name));
	}

	/** Stops servers of its own ({@link #ofItsOwn}); containers stop with the JVM. */
	void close() {
		if (this.devServers != null) {
			this.devServers.close();
		}
	}

	/**
	 * Connection settings as Spring Boot environment variables.
	 * @return {@code SPRING_DATASOURCE_URL}, {@code SPRING_DATASOURCE_USERNAME},
	 * {@code SPRING_DATASOURCE_PASSWORD}, {@code SPRING_DATA_REDIS_HOST},
	 * {@code SPRING_DATA_REDIS_PORT}, {@code SPRING_KAFKA_BOOTSTRAP_SERVERS}
	 */
	Map<String, String> springEnvironment() {
		return this.environment;
	}

	/**
	 * Same as {@link #springEnvironment()} with Spring property names
	 * ({@code spring.datasource.url}, ...), for {@code @DynamicPropertySource}.
	 * @return the connection settings as Spring properties
	 */
	Map<String, String> springProperties() {
		Map<String, String> properties = new java.util.LinkedHashMap<>();
		this.environment.forEach((key, value) -> properties.put(toProperty(key), value));
		return properties;
	}

	private static String toProperty(String env) {
		return switch (env) {
			case "SPRING_DATASOURCE_URL" -> "spring.datasource.url";
			case "SPRING_DATASOURCE_USERNAME" -> "spring.datasource.username";
			case "SPRING_DATASOURCE_PASSWORD" -> "spring.datasource.password";
			case "SPRING_DATA_REDIS_HOST" -> "spring.data.redis.host";
			case "SPRING_DATA_REDIS_PORT" -> "spring.data.redis.port";
			case "SPRING_KAFKA_BOOTSTRAP_SERVERS" -> "spring.kafka.bootstrap-servers";
			default -> env.toLowerCase(Locale.ROOT).replace('_', '.');
		};
	}

	/**
	 * Whether the servers are local {@link DevServers} (and so can be stopped, killed and
	 * restarted by chaos tests).
	 * @return {@code true} without Docker
	 */
	boolean usesDevServers() {
		return this.devServers != null;
	}

	/**
	 * The local servers, for chaos tests.
	 * @return the running dev servers
	 * @throws IllegalStateException when running on Testcontainers (check
	 * {@link #usesDevServers()})
	 */
	DevServers devServers() {
		if (this.devServers == null) {
			throw new IllegalStateException("running on Testcontainers: no DevServers to stop or restart");
		}
		return this.devServers;
	}

	private static boolean useDocker() {
		String forced = System.getProperty("surge.infrastructure", System.getenv("SURGE_INFRASTRUCTURE"));
		if (forced != null && !forced.isBlank()) {
			return "testcontainers".equalsIgnoreCase(forced.trim());
		}
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	private static String dataDir() {
		return System.getProperty("surge.devstack.data-dir", "target/devstack-data");
	}

	private static Infrastructure startDevServers(Path dataDir) {
		Cleanup.wipe(dataDir);
		DevServers servers = DevServers.start(DevServers.Options.random(dataDir));
		return new Infrastructure(servers.springEnvironment(), servers);
	}

	@SuppressWarnings("resource") // stopped by the shutdown hook below
	private static Infrastructure startContainers() {
		MySQLContainer mysql = new MySQLContainer("mysql:8.4").withDatabaseName(DATABASE)
			.withUsername(DATABASE)
			.withPassword(DATABASE);
		KafkaContainer kafka = new KafkaContainer("apache/kafka:4.2.0");
		RedisContainer redis = new RedisContainer("redis:7.4");
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			kafka.stop();
			redis.stop();
			mysql.stop();
		}, "testcontainers-shutdown"));
		java.util.stream.Stream.of(mysql, kafka, redis).parallel().forEach((container) -> container.start());
		String jdbcUrl = "jdbc:mysql://" + mysql.getHost() + ":" + mysql.getMappedPort(3306) + "/" + DATABASE
				+ "?useSSL=false&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true";
		return new Infrastructure(DevServers.environment(jdbcUrl, mysql.getUsername(), mysql.getPassword(),
				redis.getRedisHost(), redis.getRedisPort(), kafka.getBootstrapServers()), null);
	}

}
