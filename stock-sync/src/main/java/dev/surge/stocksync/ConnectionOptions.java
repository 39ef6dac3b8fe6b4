package dev.surge.stocksync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import dev.surge.contracts.StorePasswords;
import dev.surge.contracts.StorePasswords.Secret;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * Where MySQL and Redis are. Flags win over the environment variables the services use.
 * Passwords come from the environment or a file, never from a flag (which {@code ps}
 * would show).
 */
public final class ConnectionOptions {

	@Option(names = "--jdbc-url", paramLabel = "URL", description = "MySQL JDBC URL (env SPRING_DATASOURCE_URL).",
			defaultValue = "${env:SPRING_DATASOURCE_URL:-jdbc:mysql://127.0.0.1:3306/surge?useSSL=false&allowPublicKeyRetrieval=true}")
	String jdbcUrl;

	@Option(names = "--db-user", paramLabel = "USER", description = "MySQL user (env SPRING_DATASOURCE_USERNAME).",
			defaultValue = "${env:SPRING_DATASOURCE_USERNAME:-surge}")
	String dbUser;

	@Option(names = "--db-password-file", paramLabel = "FILE",
			description = "File holding the MySQL password (env SPRING_DATASOURCE_PASSWORD_FILE); else env SPRING_DATASOURCE_PASSWORD. Required outside the demo run; never a flag, so it does not show in ps.",
			defaultValue = "${env:SPRING_DATASOURCE_PASSWORD_FILE:-}")
	String dbPasswordFile;

	@Option(names = "--redis-host", paramLabel = "HOST", description = "Redis host (env SPRING_DATA_REDIS_HOST).",
			defaultValue = "${env:SPRING_DATA_REDIS_HOST:-127.0.0.1}")
	String redisHost;

	@Option(names = "--redis-port", paramLabel = "PORT", description = "Redis port (env SPRING_DATA_REDIS_PORT).",
			defaultValue = "${env:SPRING_DATA_REDIS_PORT:-6379}")
	int redisPort;

	@Option(names = "--redis-cluster-nodes", paramLabel = "HOST:PORT,...",
			description = "Redis Cluster seed nodes (env SPRING_DATA_REDIS_CLUSTER_NODES); when set, --redis-host and --redis-port are not used.",
			defaultValue = "${env:SPRING_DATA_REDIS_CLUSTER_NODES:-}")
	String redisClusterNodes;

	@Option(names = "--redis-username", paramLabel = "USER",
			description = "Redis ACL user (env SPRING_DATA_REDIS_USERNAME); none by default.",
			defaultValue = "${env:SPRING_DATA_REDIS_USERNAME:-}")
	String redisUsername;

	@Option(names = "--redis-password-file", paramLabel = "FILE",
			description = "File holding the Redis password (env SPRING_DATA_REDIS_PASSWORD_FILE); else env SPRING_DATA_REDIS_PASSWORD. Required outside the demo run.",
			defaultValue = "${env:SPRING_DATA_REDIS_PASSWORD_FILE:-}")
	String redisPasswordFile;

	@Option(names = "--verbose", description = "Print stack traces of failures.")
	boolean verbose;

	/** Where variables are read; tests give their own. */
	Function<String, @Nullable String> environment = System::getenv;

	/**
	 * Opens MySQL. Every command that does also opens Redis, so both passwords are
	 * checked here, and a missing pair is named at once.
	 */
	public Connection openMysql() throws SQLException {
		requirePasswords(StorePasswords.ALL);
		DriverManager.setLoginTimeout(10);
		Connection connection = DriverManager.getConnection(this.jdbcUrl, this.dbUser,
				password(StorePasswords.DATASOURCE));
		connection.setReadOnly(false);
		return connection;
	}

	/**
	 * Connects to the Redis Cluster when seed nodes are given, else to the single node.
	 * @return the connection with its synchronous commands
	 */
	public RedisSession openRedis() {
		requirePasswords(List.of(StorePasswords.REDIS));
		if (this.redisClusterNodes == null || this.redisClusterNodes.isBlank()) {
			RedisClient client = redisClient();
			return open(client, client::connect, StatefulRedisConnection::sync);
		}
		List<RedisURI> seeds = new ArrayList<>();
		for (String node : this.redisClusterNodes.split(",")) {
			String hostPort = node.trim();
			int colon = hostPort.lastIndexOf(':');
			seeds.add(uri(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1))));
		}
		RedisClusterClient client = RedisClusterClient.create(seeds);
		client.setOptions(ClusterClientOptions.builder()
			.topologyRefreshOptions(ClusterTopologyRefreshOptions.builder().enableAllAdaptiveRefreshTriggers().build())
			.build());
		return open(client, client::connect, StatefulRedisClusterConnection::sync);
	}

	/** Connects, or shuts the client down when it cannot. */
	private static <C extends StatefulConnection<String, String>> RedisSession open(AbstractRedisClient client,
			Supplier<C> connect, Function<C, RedisClusterCommands<String, String>> commands) {
		try {
			C connection = connect.get();
			return new RedisSession(client, connection, commands.apply(connection));
		}
		catch (RuntimeException ex) {
			client.shutdown();
			throw ex;
		}
	}

	/**
	 * The rule the services apply ({@link StorePasswords}), on the flags or their
	 * environment variables; the demo run is {@code SURGE_DEMO_ENABLED=true} in the
	 * environment, as for the services. Commands call it before any work; opening a store
	 * calls it again.
	 * @param secrets the passwords the command needs
	 */
	public void requirePasswords(List<Secret> secrets) {
		boolean demo = Boolean.parseBoolean(System.getenv(StorePasswords.DEMO_VARIABLE));
		StorePasswords.refusal(demo, secrets, this::password).ifPresent((reason) -> {
			throw new IllegalStateException(reason + "; or give --db-password-file / --redis-password-file");
		});
	}

	/**
	 * The file's content (without a trailing line break) when a file is named, else the
	 * variable.
	 */
	private String password(Secret secret) {
		String file = (secret == StorePasswords.DATASOURCE) ? this.dbPasswordFile : this.redisPasswordFile;
		if (file != null && !file.isEmpty()) {
			try {
				return Files.readString(Path.of(file)).stripTrailing();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read the password file " + file, ex);
			}
		}
		return Objects.requireNonNullElse(this.environment.apply(secret.variable()), "");
	}

	public RedisClient redisClient() {
		return RedisClient.create(uri(this.redisHost, this.redisPort));
	}

	private RedisURI uri(String host, int port) {
		RedisURI.Builder builder = RedisURI.Builder.redis(host, port).withTimeout(Duration.ofSeconds(10));
		String redisPassword = password(StorePasswords.REDIS);
		if (!redisPassword.isEmpty()) {
			if (this.redisUsername != null && !this.redisUsername.isEmpty()) {
				builder.withAuthentication(this.redisUsername, redisPassword);
			}
			else {
				builder.withPassword(redisPassword.toCharArray());
			}
		}
		return builder.build();
	}

}
