package dev.surge.systemtests;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The consumer's dedup records do not grow forever: rows of {@code applied_commands} and
 * {@code abandoned_orders} older than {@code surge.retention.keep} (8 days) are deleted,
 * younger ones stay. The consumers of the test run prune every 2 s.
 */
@Order(86)
class RetentionIntegrationTests {

	private static final int PARTITION = 9_999;

	@Test
	void dedupRecordsOlderThanTheRetentionAreDeletedAndYoungerOnesKept() throws SQLException {
		long old = ThreadLocalRandom.current().nextLong(1L << 60, 1L << 61);
		long young = old + 1;
		Instant now = Instant.now();
		insert(old, now.minus(Duration.ofDays(9)));
		insert(young, now.minus(Duration.ofDays(7)));

		try {
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
				assertThat(rows("applied_commands", "record_offset", old)).isZero();
				assertThat(rows("abandoned_orders", "order_id", old)).isZero();
			});
			assertThat(rows("applied_commands", "record_offset", young)).isOne();
			assertThat(rows("abandoned_orders", "order_id", young)).isOne();
		}
		finally {
			try (Connection db = SurgeSystem.get().mysql()) {
				db.createStatement().executeUpdate("DELETE FROM applied_commands WHERE topic_partition = " + PARTITION);
				db.createStatement().executeUpdate("DELETE FROM abandoned_orders WHERE order_id = " + young);
			}
		}
	}

	private static void insert(long id, Instant at) throws SQLException {
		try (Connection db = SurgeSystem.get().mysql();
				PreparedStatement command = db.prepareStatement(
						"INSERT INTO applied_commands (topic_partition, record_offset, order_id, at) VALUES (?, ?, ?, ?)");
				PreparedStatement abandoned = db
					.prepareStatement("INSERT INTO abandoned_orders (order_id, at) VALUES (?, ?)")) {
			command.setInt(1, PARTITION);
			command.setLong(2, id);
			command.setLong(3, id);
			command.setTimestamp(4, Timestamp.from(at));
			command.executeUpdate();
			abandoned.setLong(1, id);
			abandoned.setTimestamp(2, Timestamp.from(at));
			abandoned.executeUpdate();
		}
	}

	private static long rows(String table, String column, long id) throws SQLException {
		try (Connection db = SurgeSystem.get().mysql();
				PreparedStatement count = db
					.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?")) {
			count.setLong(1, id);
			try (var rs = count.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

}
