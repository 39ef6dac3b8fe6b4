package dev.surge.consumer.stock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import dev.surge.contracts.RedisKeys;
import dev.surge.contracts.Scripts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Brings units that MySQL gave back to sale into Redis, outbox style (ARCHITECTURE point
 * 5): the committed {@code stock_log} row says {@code redis_applied = FALSE};
 * return-once.lua adds its units under a marker, so Redis takes them exactly once however
 * often (and by however many consumers) it is tried; then the row is marked applied,
 * which is idempotent too. Called right after each commit, and by a timer for whatever
 * that missed (Redis down, a crash between commit and Redis).
 */
@Component
public class StockReturns {

	private static final Logger logger = LoggerFactory.getLogger(StockReturns.class);

	static final Duration MARKER_TTL = Duration.ofDays(7);

	private static final int RETRY_BATCH = 200;

	private final StringRedisTemplate redis;

	private final JdbcTemplate jdbc;

	private final RedisScript<Long> returnOnce = new DefaultRedisScript<>(Scripts.RETURN_ONCE.source(), Long.class);

	StockReturns(StringRedisTemplate redis, JdbcTemplate jdbc) {
		this.redis = redis;
		this.jdbc = jdbc;
	}

	/**
	 * Applies committed returns now. Never throws: what fails stays pending for the
	 * timer.
	 */
	public void apply(Collection<PendingReturn> returns) {
		if (returns.isEmpty()) {
			return;
		}
		try {
			List<Long> done = new ArrayList<>();
			for (PendingReturn pending : returns) {
				ReturnResult result = run(pending);
				if (!result.markApplied()) {
					break; // Redis is failing: leave the rest to the timer rather than
							// wait on each
				}
				done.add(pending.logId());
			}
			markApplied(done);
		}
		catch (RuntimeException ex) {
			logger.warn("Stock returns left for the retrier: {}", ex.toString());
		}
	}

	/** Applies the oldest rows still pending; safe to run on every consumer at once. */
	@Scheduled(fixedDelayString = "${surge.stock.return-retry-interval:PT1S}",
			initialDelayString = "${surge.stock.return-retry-interval:PT1S}")
	public void retryPending() {
		List<PendingReturn> pending;
		try {
			pending = this.jdbc.query("""
					SELECT id, product_id, order_id, change_type, delta_available FROM stock_log
					WHERE redis_applied = FALSE ORDER BY id LIMIT ?""", (row, n) -> new PendingReturn(row.getLong(1),
					row.getLong(2), row.getObject(3, Long.class), row.getString(4), row.getLong(5)), RETRY_BATCH);
		}
		catch (RuntimeException ex) {
			logger.debug("Pending stock returns not readable: {}", ex.toString());
			return;
		}
		if (!pending.isEmpty()) {
			logger.info("Retrying {} pending stock returns to Redis", pending.size());
			apply(pending);
		}
	}

	private ReturnResult run(PendingReturn pending) {
		if (pending.units() == 0) {
			return ReturnResult.NOTHING;
		}
		try {
			Long code = this.redis.execute(this.returnOnce,
					List.of(RedisKeys.stock(pending.productId()), pending.marker()), Long.toString(pending.units()),
					Long.toString(MARKER_TTL.toSeconds()));
			ReturnResult result = ReturnResult.of(code);
			if (result == ReturnResult.NOT_LOADED) {
				logger.info("Stock of product {} is not loaded in Redis; return {} left to the next load",
						pending.productId(), pending.logId());
			}
			return result;
		}
		catch (RuntimeException ex) {
			logger.warn("Stock return {} of product {} not applied to Redis: {}", pending.logId(), pending.productId(),
					ex.toString());
			return ReturnResult.FAILED;
		}
	}

	private void markApplied(List<Long> logIds) {
		if (!logIds.isEmpty()) {
			String ids = String.join(", ", Collections.nCopies(logIds.size(), "?"));
			this.jdbc.update("UPDATE stock_log SET redis_applied = TRUE WHERE id IN (" + ids + ")", logIds.toArray());
		}
	}

}
