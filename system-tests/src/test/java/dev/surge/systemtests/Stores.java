package dev.surge.systemtests;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import dev.surge.contracts.RedisKeys;
import dev.surge.contracts.Reservations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reads MySQL and Redis directly, to check what the services did.
 */
final class Stores {

	private Stores() {
	}

	static StockRow stock(long productId) {
		return query("SELECT total, available, locked, sold FROM product_stock WHERE product_id = ?", productId,
				(rs) -> new StockRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
	}

	static Long redisStock(long productId) {
		String value = SurgeSystem.get().redis().get(RedisKeys.stock(productId));
		return (value != null) ? Long.parseLong(value) : null;
	}

	static long reservedUnits(long productId) {
		Map<String, String> held = SurgeSystem.get().redis().hgetall(RedisKeys.reservations(productId));
		return held.values().stream().mapToLong((value) -> Reservations.parse(value).quantity()).sum();
	}

	static long orders(long productId, String status) {
		return query("""
				SELECT COUNT(*) FROM orders o JOIN order_items i ON i.order_id = o.id
				WHERE i.product_id = ? AND o.status = ?""", productId, status, (rs) -> rs.getLong(1));
	}

	static long orders(long productId) {
		return query("SELECT COUNT(*) FROM order_items WHERE product_id = ?", productId, (rs) -> rs.getLong(1));
	}

	static long stockLogRows(long productId, String changeType) {
		return query("SELECT COUNT(*) FROM stock_log WHERE product_id = ? AND change_type = ?", productId, changeType,
				(rs) -> rs.getLong(1));
	}

	static String status(long orderId) {
		return query("SELECT status FROM orders WHERE id = ?", orderId, (rs) -> rs.getString(1));
	}

	/** Waits until the order reached the state. */
	static void awaitStatus(long orderId, String status) {
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> assertThat(status(orderId)).as("status of order %d", orderId).isEqualTo(status));
	}

	static String statusReason(long orderId) {
		return query("SELECT status_reason FROM orders WHERE id = ?", orderId, (rs) -> rs.getString(1));
	}

	static long statusLogRows(long orderId, String toStatus) {
		return query("SELECT COUNT(*) FROM order_status_log WHERE order_id = ? AND to_status = ?", orderId, toStatus,
				(rs) -> rs.getLong(1));
	}

	static long payments(long orderId, String outcome) {
		return query("SELECT COUNT(*) FROM payments WHERE order_id = ? AND outcome = ?", orderId, outcome,
				(rs) -> rs.getLong(1));
	}

	/**
	 * Moves the payment deadline of these orders into the past, as if time had passed.
	 */
	static void expire(java.util.Collection<Long> orderIds) {
		try (Connection db = SurgeSystem.get().mysql();
				PreparedStatement update = db.prepareStatement(
						"UPDATE orders SET expires_at = CURRENT_TIMESTAMP(3) - INTERVAL 1 SECOND WHERE id = ?")) {
			for (long orderId : orderIds) {
				update.setLong(1, orderId);
				update.addBatch();
			}
			update.executeBatch();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Counts orders of a product by state. */
	static Map<String, Long> statesOf(long productId) {
		Map<String, Long> states = new java.util.TreeMap<>();
		try (Connection db = SurgeSystem.get().mysql(); PreparedStatement statement = db.prepareStatement("""
				SELECT o.status, COUNT(*) FROM orders o JOIN order_items i ON i.order_id = o.id
				WHERE i.product_id = ? GROUP BY o.status""")) {
			statement.setLong(1, productId);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					states.put(rs.getString(1), rs.getLong(2));
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return states;
	}

	/** Waits until the consumer claimed every reservation of these products. */
	static void awaitDrained(long... productIds) {
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			for (long productId : productIds) {
				assertThat(reservedUnits(productId)).as("unclaimed units of product %d", productId).isZero();
			}
		});
	}

	/**
	 * The stock invariants, per product: total = available + locked + sold, nothing
	 * negative, Redis stock = MySQL available − unclaimed reservations once the returns
	 * reached Redis; and stock-sync check clean.
	 */
	static void assertInvariants(long... productIds) {
		for (long productId : productIds) {
			StockRow row = stock(productId);
			assertThat(row.total()).isEqualTo(row.available() + row.locked() + row.sold());
			assertThat(row.available()).isNotNegative();
			assertThat(row.locked()).isNotNegative();
			assertThat(row.sold()).isNotNegative();
		}
		// stock returns reach Redis right after MySQL's commit: the stores agree once
		// they did
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			for (long productId : productIds) {
				assertThat(redisStock(productId)).as("Redis stock of product %d", productId)
					.isEqualTo(stock(productId).available() - reservedUnits(productId));
			}
		});
		SurgeSystem.CommandResult check = SurgeSystem.get().stockSync("check");
		assertThat(check.exitCode()).as(check.output()).isZero();
	}

	private static <T> T query(String sql, Object first, RowReader<T> reader) {
		return query(sql, new Object[] { first }, reader);
	}

	private static <T> T query(String sql, Object first, Object second, RowReader<T> reader) {
		return query(sql, new Object[] { first, second }, reader);
	}

	private static <T> T query(String sql, Object[] params, RowReader<T> reader) {
		try (Connection db = SurgeSystem.get().mysql(); PreparedStatement statement = db.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				statement.setObject(i + 1, params[i]);
			}
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() ? reader.read(rs) : null;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	interface RowReader<T> {

		T read(ResultSet rs) throws SQLException;

	}

	record StockRow(long total, long available, long locked, long sold) {
	}

}
