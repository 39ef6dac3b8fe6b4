package dev.surge.consumer.system;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

class FailuresTests {

	@Test
	void aCommitLostWithItsConnectionIsInfrastructure() {
		// What MysqlOutageFaultIntegrationTests met: the server died between the writes
		// and
		// the commit. Nothing was written, so the batch is retried, never dead-lettered.
		var commit = new TransactionSystemException("Could not commit JDBC transaction",
				new SQLNonTransientConnectionException("Connection is closed", "08003"));
		assertThat(Failures.isInfrastructure(commit)).isTrue();
	}

	@Test
	void anyConnectionStateIsInfrastructure() {
		assertThat(Failures
			.isInfrastructure(new RuntimeException(new SQLException("Communications link failure", "08S01")))).isTrue();
	}

	@Test
	void aBrokenRuleIsNot() {
		var duplicate = new DataIntegrityViolationException("duplicate",
				new SQLIntegrityConstraintViolationException("Duplicate entry", "23000"));
		assertThat(Failures.isInfrastructure(duplicate)).isFalse();
		assertThat(Failures.isInfrastructure(new IllegalStateException("bad event"))).isFalse();
		assertThat(Failures.isInfrastructure(new SQLException("no state"))).isFalse();
	}

}
