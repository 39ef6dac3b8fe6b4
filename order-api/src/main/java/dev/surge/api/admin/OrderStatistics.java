package dev.surge.api.admin;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.surge.contracts.OrderStatus;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Counts over the {@code orders} table. Blocking. Times go to MySQL as epoch seconds so
 * neither JDBC nor the session time zone shifts them.
 */
@Repository
public class OrderStatistics {

	private final NamedParameterJdbcTemplate jdbc;

	OrderStatistics(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Every state, zero when no order is in it; unknown states follow. */
	Map<String, Long> countsByStatus() {
		Map<String, Long> counts = new LinkedHashMap<>();
		Arrays.stream(OrderStatus.values()).forEach((state) -> counts.put(state.name(), 0L));
		this.jdbc.query("SELECT status, COUNT(*) AS n FROM orders GROUP BY status", (rs) -> {
			counts.put(rs.getString("status"), rs.getLong("n"));
		});
		return counts;
	}

	/**
	 * Orders whose payment succeeded, whatever happened to them after. No order rests in
	 * PAID (it moves on in the payment's transaction), so its state count says nothing of
	 * payments.
	 */
	long paid() {
		Long paid = this.jdbc.queryForObject("SELECT COUNT(*) FROM orders WHERE paid_at IS NOT NULL",
				new MapSqlParameterSource(), Long.class);
		return (paid != null) ? paid : 0;
	}

	/** One point per second of {@code [from, from + seconds)}, oldest first. */
	public List<ThroughputPoint> throughput(Instant from, int seconds) {
		long first = from.getEpochSecond();
		MapSqlParameterSource range = new MapSqlParameterSource("from", first).addValue("to", first + seconds);
		Map<Long, long[]> counts = new HashMap<>();
		this.jdbc.query("""
				SELECT FLOOR(UNIX_TIMESTAMP(created_at)) AS second,
				       SUM(CASE WHEN status <> 'REJECTED' THEN 1 ELSE 0 END) AS accepted,
				       SUM(CASE WHEN status = 'REJECTED' THEN 1 ELSE 0 END) AS rejected
				FROM orders
				WHERE created_at >= FROM_UNIXTIME(:from) AND created_at < FROM_UNIXTIME(:to)
				GROUP BY FLOOR(UNIX_TIMESTAMP(created_at))""", range, (rs) -> {
			counts.put(rs.getLong("second"), new long[] { rs.getLong("accepted"), rs.getLong("rejected") });
		});
		return Throughput.bucket(counts, first, seconds);
	}

}
