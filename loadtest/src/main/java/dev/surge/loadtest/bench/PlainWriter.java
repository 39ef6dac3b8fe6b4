package dev.surge.loadtest.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import dev.surge.contracts.OrderLine;
import dev.surge.contracts.OrderPlaced;

/**
 * The consumer's yardstick: writes the same rows as the consumer's intake (orders, items,
 * status log, PRELOCK stock log, the guarded stock UPDATE summed per product, after the
 * same id and stock reads) with plain JDBC, in batches of one transaction each, from
 * {@code writers} threads. No Kafka, no Redis, no framework.
 *
 * @param db the database
 * @param writers threads writing at once
 * @param batchSize orders per transaction
 */
record PlainWriter(Db db, int writers, int batchSize) {

	/** Writes every order and returns orders per second. */
	double write(List<OrderPlaced> orders) {
		List<List<OrderPlaced>> shares = new ArrayList<>();
		for (int w = 0; w < this.writers; w++) {
			shares.add(new ArrayList<>());
		}
		for (int i = 0; i < orders.size(); i++) {
			shares.get(i % this.writers).add(orders.get(i));
		}
		long start = System.nanoTime();
		try (ExecutorService pool = Executors.newFixedThreadPool(this.writers)) {
			List<Future<?>> running = new ArrayList<>();
			shares.forEach((share) -> running.add(pool.submit(() -> {
				writeAll(share);
				return null;
			})));
			for (Future<?> writer : running) {
				writer.get();
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("Plain writer failed: " + ex.getMessage(), ex);
		}
		return orders.size() / ((System.nanoTime() - start) / 1e9);
	}

	private void writeAll(List<OrderPlaced> orders) throws SQLException {
		try (Connection connection = this.db.connect()) {
			connection.setAutoCommit(false);
			connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
			for (int from = 0; from < orders.size(); from += this.batchSize) {
				writeBatch(connection, orders.subList(from, Math.min(orders.size(), from + this.batchSize)));
			}
		}
	}

	private static void writeBatch(Connection connection, List<OrderPlaced> batch) throws SQLException {
		String ids = batch.stream().map((o) -> Long.toString(o.orderId())).collect(Collectors.joining(","));
		SortedMap<Long, Long> units = new TreeMap<>();
		batch.forEach((o) -> o.items().forEach((l) -> units.merge(l.productId(), (long) l.quantity(), Long::sum)));
		String products = units.keySet().stream().map(String::valueOf).collect(Collectors.joining(","));
		query(connection, "SELECT id, status FROM orders WHERE id IN (" + ids + ")");
		query(connection, "SELECT order_id FROM abandoned_orders WHERE order_id IN (" + ids + ")");
		Map<Long, Long> prices = new HashMap<>();
		try (PreparedStatement select = connection
			.prepareStatement("SELECT id, price_cents FROM products WHERE id IN (" + products + ")");
				ResultSet rows = select.executeQuery()) {
			while (rows.next()) {
				prices.put(rows.getLong(1), rows.getLong(2));
			}
		}
		query(connection, "SELECT product_id, available FROM product_stock WHERE product_id IN (" + products
				+ ") ORDER BY product_id FOR UPDATE");
		try (PreparedStatement lock = connection.prepareStatement("""
				UPDATE product_stock SET available = available - ?, locked = locked + ?, version = version + 1
				WHERE product_id = ? AND available >= ?""")) {
			for (var entry : units.entrySet()) {
				lock.setLong(1, entry.getValue());
				lock.setLong(2, entry.getValue());
				lock.setLong(3, entry.getKey());
				lock.setLong(4, entry.getValue());
				lock.addBatch();
			}
			lock.executeBatch();
		}
		Timestamp now = new Timestamp(System.currentTimeMillis());
		Timestamp expires = Timestamp.from(now.toInstant().plus(Duration.ofMinutes(15)));
		try (PreparedStatement insert = connection.prepareStatement("""
				INSERT INTO orders (id, order_no, user_id, status, status_reason, total_cents, created_at, expires_at)
				VALUES (?, ?, ?, 'PENDING_PAYMENT', NULL, ?, ?, ?)""")) {
			for (OrderPlaced order : batch) {
				long total = order.items()
					.stream()
					.mapToLong((l) -> l.quantity() * prices.getOrDefault(l.productId(), 0L))
					.sum();
				insert.setLong(1, order.orderId());
				insert.setString(2, order.orderNo());
				insert.setLong(3, order.userId());
				insert.setLong(4, total);
				insert.setTimestamp(5, new Timestamp(order.placedAt()));
				insert.setTimestamp(6, expires);
				insert.addBatch();
			}
			insert.executeBatch();
		}
		try (PreparedStatement items = connection.prepareStatement(
				"INSERT INTO order_items (order_id, product_id, quantity, unit_price_cents) VALUES (?, ?, ?, ?)");
				PreparedStatement prelock = connection.prepareStatement("""
						INSERT IGNORE INTO stock_log (product_id, order_id, change_type, delta_available, delta_locked,
						                              operator) VALUES (?, ?, 'PRELOCK', ?, ?, 'system')""")) {
			for (OrderPlaced order : batch) {
				for (OrderLine line : order.items()) {
					items.setLong(1, order.orderId());
					items.setLong(2, line.productId());
					items.setInt(3, line.quantity());
					items.setLong(4, prices.getOrDefault(line.productId(), 0L));
					items.addBatch();
					prelock.setLong(1, line.productId());
					prelock.setLong(2, order.orderId());
					prelock.setLong(3, -line.quantity());
					prelock.setLong(4, line.quantity());
					prelock.addBatch();
				}
			}
			items.executeBatch();
			prelock.executeBatch();
		}
		try (PreparedStatement log = connection.prepareStatement("""
				INSERT INTO order_status_log (order_id, from_status, to_status, operator, reason)
				VALUES (?, 'ACCEPTED', 'PENDING_PAYMENT', 'system', NULL)""")) {
			for (OrderPlaced order : batch) {
				log.setLong(1, order.orderId());
				log.addBatch();
			}
			log.executeBatch();
		}
		connection.commit();
	}

	private static void query(Connection connection, String sql) throws SQLException {
		try (PreparedStatement select = connection.prepareStatement(sql); ResultSet rows = select.executeQuery()) {
			while (rows.next()) {
				rows.getLong(1);
			}
		}
	}

}
