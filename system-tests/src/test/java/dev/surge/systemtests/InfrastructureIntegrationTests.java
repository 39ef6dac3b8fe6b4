package dev.surge.systemtests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InfrastructureIntegrationTests {

	@Test
	void sharesOneSetOfServersPerJvm() throws SQLException {
		Infrastructure infrastructure = Infrastructure.shared();
		assertThat(Infrastructure.shared()).isSameAs(infrastructure);
		Map<String, String> env = infrastructure.springEnvironment();
		assertThat(infrastructure.springProperties())
			.containsEntry("spring.datasource.url", env.get("SPRING_DATASOURCE_URL"))
			.containsEntry("spring.kafka.bootstrap-servers", env.get("SPRING_KAFKA_BOOTSTRAP_SERVERS"));
		try (Connection connection = DriverManager.getConnection(env.get("SPRING_DATASOURCE_URL"),
				env.get("SPRING_DATASOURCE_USERNAME"), env.get("SPRING_DATASOURCE_PASSWORD"));
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT DATABASE()")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1)).isEqualTo("surge");
		}
		if (infrastructure.usesDevServers()) {
			assertThat(infrastructure.devServers().isKafkaRunning()).isTrue();
		}
	}

}
