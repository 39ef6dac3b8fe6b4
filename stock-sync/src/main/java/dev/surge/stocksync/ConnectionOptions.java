package dev.surge.stocksync;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import picocli.CommandLine.Option;

/**
 * Where MySQL and Redis are. Flags win over the environment variables the services use.
 */
public final class ConnectionOptions {

	@Option(names = "--jdbc-url", paramLabel = "URL", description = "MySQL JDBC URL (env SPRING_DATASOURCE_URL).",
			defaultValue = "${env:SPRING_DATASOURCE_URL:-jdbc:mysql://127.0.0.1:3306/surge?useSSL=false&allowPublicKeyRetrieval=true}")
	String jdbcUrl;

	@Option(names = "--db-user", paramLabel = "USER", description = "MySQL user (env SPRING_DATASOURCE_USERNAME).",
			defaultValue = "${env:SPRING_DATASOURCE_USERNAME:-surge}")
	String dbUser;

	@Option(names = "--db-password", paramLabel = "PASSWORD",
			description = "MySQL password (env SPRING_DATASOURCE_PASSWORD).",
			defaultValue = "${env:SPRING_DATASOURCE_PASSWORD:-surge}")
	String dbPassword;

	@Option(names = "--redis-host", paramLabel = "HOST", description = "Redis host (env SPRING_DATA_REDIS_HOST).",
			defaultValue = "${env:SPRING_DATA_REDIS_HOST:-127.0.0.1}")
	String redisHost;

	@Option(names = "--redis-port", paramLabel = "PORT", description = "Redis port (env SPRING_DATA_REDIS_PORT).",
			defaultValue = "${env:SPRING_DATA_REDIS_PORT:-6379}")
	int redisPort;

	@Option(names = "--redis-username", paramLabel = "USER",
			description = "Redis ACL user (env SPRING_DATA_REDIS_USERNAME); none by default.",
			defaultValue = "${env:SPRING_DATA_REDIS_USERNAME:-}")
	String redisUsername;

	@Option(names = "--redis-password", paramLabel = "PASSWORD",
			description = "Redis password (env SPRING_DATA_REDIS_PASSWORD); none by default.",
			defaultValue = "${env:SPRING_DATA_REDIS_PASSWORD:-}")
	String redisPassword;

	@Option(names = "--verbose", description = "Print stack traces of failures.")
	boolean verbose;

	public Connection openMysql() throws SQLException {
		DriverManager.setLoginTimeout(10);
		Connection connection = DriverManager.getConnection(this.jdbcUrl, this.dbUser, this.dbPassword);
		connection.setReadOnly(false);
		return connection;
	}

	public RedisClient redisClient() {
		RedisURI.Builder builder = RedisURI.Builder.redis(this.redisHost, this.redisPort)
			.withTimeout(Duration.ofSeconds(10));
		if (this.redisPassword != null && !this.redisPassword.isEmpty()) {
			if (this.redisUsername != null && !this.redisUsername.isEmpty()) {
				builder.withAuthentication(this.redisUsername, this.redisPassword);
			}
			else {
				builder.withPassword(this.redisPassword.toCharArray());
			}
		}
		RedisURI uri = builder.build();
		return RedisClient.create(uri);
	}

}
