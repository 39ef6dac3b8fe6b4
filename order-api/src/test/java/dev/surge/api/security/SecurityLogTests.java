package dev.surge.api.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SecurityLogTests {

	/**
	 * Each log is started and at once given an event. A writer thread that could run
	 * before it was known as the writer ended at once (seen in CI: no security event
	 * written for a whole test run), so this starts many, the way a busy machine
	 * schedules threads.
	 */
	@Test
	void everyStartedLogWritesWhatItIsGiven() {
		Rows rows = new Rows();
		List<SecurityLog> logs = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			SecurityLog log = new SecurityLog(rows, new SimpleMeterRegistry());
			log.start();
			log.record(new SecurityEvent(Instant.now(), "user-" + i, "127.0.0.1", "GET /api/orders", "ACCESS", "DENIED",
					null));
			logs.add(log);
		}
		try {
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(rows.written).hasSize(200));
			assertThat(logs).allMatch(SecurityLog::isRunning);
		}
		finally {
			logs.forEach(SecurityLog::stop);
		}
	}

	@Test
	void clipsToTheColumnAndReplacesControlCharacters() {
		assertThat(SecurityLog.clip("alice\r\nforged line", 64)).isEqualTo("alice??forged line");
		assertThat(SecurityLog.clip("x".repeat(100), 64)).hasSize(64);
		assertThat(SecurityLog.clip(null, 64)).isNull();
	}

	/** The rows the logs hand to the database, kept in memory. */
	private static final class Rows extends JdbcTemplate {

		final Collection<SecurityEvent> written = new ConcurrentLinkedQueue<>();

		@Override
		@SuppressWarnings("unchecked")
		public <T> int[][] batchUpdate(String sql, Collection<T> batchArgs, int batchSize,
				ParameterizedPreparedStatementSetter<T> pss) {
			this.written.addAll((Collection<SecurityEvent>) batchArgs);
			return new int[][] { new int[batchArgs.size()] };
		}

	}

}
