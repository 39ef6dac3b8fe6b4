package dev.surge.consumer.alert;

import java.time.Clock;
import java.util.List;

import dev.surge.consumer.system.ChangeNotices;
import dev.surge.contracts.LowStockDetected;
import dev.surge.contracts.StockLow;
import dev.surge.contracts.Topics;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Compares every product's available units with its warning level (seed 002's 库存预警) and
 * raises {@link LowStockDetected} once per crossing below it: on {@code stock.alerts.v1},
 * as a {@code LOW_STOCK} change notice, in the log and to the webhook when one is
 * configured. The state lives in {@code stock_alerts}; the flip is a guarded UPDATE, so
 * with two consumers, or after a restart, exactly one raises it.
 */
@Component
class LowStockCheck {

	private static final Logger logger = LoggerFactory.getLogger(LowStockCheck.class);

	private final JdbcTemplate jdbc;

	private final KafkaTemplate<String, byte[]> kafka;

	private final ChangeNotices notices;

	private final AlertWebhook webhook;

	private final Clock clock = Clock.systemUTC();

	private final ObjectWriter json = JsonMapper.builder().build().writerFor(LowStockDetected.class);

	LowStockCheck(JdbcTemplate jdbc, KafkaTemplate<String, byte[]> kafka, ChangeNotices notices, AlertWebhook webhook) {
		this.jdbc = jdbc;
		this.kafka = kafka;
		this.notices = notices;
		this.webhook = webhook;
	}

	@Scheduled(fixedDelayString = "${surge.alerts.check-interval:PT5S}",
			initialDelayString = "${surge.alerts.check-interval:PT5S}")
	void check() {
		try {
			for (Level level : levels()) {
				switch (LowStockCrossing.of(level.available(), level.warningStock(), level.wasLow())) {
					case RAISE -> {
						if (flip(level.productId(), true)) {
							raise(level);
						}
					}
					case CLEAR -> flip(level.productId(), false);
					case NONE -> {
					}
				}
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Low-stock check failed, next run retries: {}", ex.toString());
		}
	}

	private List<Level> levels() {
		return this.jdbc.query("""
				SELECT p.id, p.name, p.warning_stock, s.available, a.low
				FROM products p JOIN product_stock s ON s.product_id = p.id
				LEFT JOIN stock_alerts a ON a.product_id = p.id
				WHERE p.deleted = FALSE""", (row, n) -> new Level(row.getLong(1), row.getString(2), row.getInt(3),
				row.getLong(4), row.getObject(5) != null ? row.getBoolean(5) : null));
	}

	/** Records the new state; {@code true} only for the one caller that changed it. */
	private boolean flip(long productId, boolean low) {
		this.jdbc.update("INSERT IGNORE INTO stock_alerts (product_id, low) VALUES (?, FALSE)", productId);
		return this.jdbc.update("""
				UPDATE stock_alerts SET low = ?, changed_at = CURRENT_TIMESTAMP(3)
				WHERE product_id = ? AND low = ?""", low, productId, !low) == 1;
	}

	private void raise(Level level) {
		LowStockDetected alert = new LowStockDetected(level.productId(), level.name(), level.available(),
				level.warningStock(), this.clock.millis());
		logger.warn("Low stock: product {} ({}) has {} available, warning level {}", alert.productId(), alert.name(),
				alert.available(), alert.warningStock());
		byte[] body = this.json.writeValueAsBytes(alert);
		try {
			this.kafka.send(Topics.STOCK_ALERTS, Long.toString(alert.productId()), body).whenComplete((result, ex) -> {
				if (ex != null) {
					logger.warn("Low-stock alert of product {} not published: {}", alert.productId(), ex.getMessage());
				}
			});
		}
		catch (RuntimeException ex) {
			logger.warn("Low-stock alert of product {} not published: {}", alert.productId(), ex.getMessage());
		}
		this.notices.stockLow(
				new StockLow(alert.productId(), alert.name(), alert.available(), alert.warningStock(), alert.at()));
		this.webhook.post(body);
	}

	private record Level(long productId, String name, int warningStock, long available, @Nullable Boolean wasLow) {

	}

}
