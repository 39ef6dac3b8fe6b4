package dev.surge.consumer.system;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Prunes the dedup tables, which would otherwise grow with every order: rows older than
 * {@code surge.retention.keep} are deleted in small batches, so no delete holds locks for
 * long while orders are written.
 */
@Component
class Retention {

	private static final Logger logger = LoggerFactory.getLogger(Retention.class);

	/** Tables pruned by their {@code at} column (when the row was written). */
	private static final List<String> PRUNED = List.of("applied_commands", "abandoned_orders");

	private static final int BATCH = 5_000;

	private final JdbcTemplate jdbc;

	private final RetentionProperties properties;

	private final Clock clock = Clock.systemUTC();

	Retention(JdbcTemplate jdbc, RetentionProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "${surge.retention.interval:PT1H}",
			initialDelayString = "${surge.retention.interval:PT1H}")
	void prune() {
		Timestamp before = Timestamp.from(this.clock.instant().minus(this.properties.keep()));
		for (String table : PRUNED) {
			try {
				long deleted = 0;
				int batch;
				do {
					batch = this.jdbc.update("DELETE FROM " + table + " WHERE at < ? LIMIT " + BATCH, before);
					deleted += batch;
				}
				while (batch == BATCH);
				if (deleted > 0) {
					logger.info("Pruned {} rows of {} older than {}", deleted, table, this.properties.keep());
				}
			}
			catch (RuntimeException ex) {
				logger.warn("Pruning {} failed, the next run retries: {}", table, ex.toString());
			}
		}
	}

}
