package dev.surge.consumer.order;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.surge.contracts.OrderStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code orders}, {@code order_items}, {@code payments}, {@code order_status_log} and
 * {@code abandoned_orders} tables, written in batches inside the caller's transaction.
 */
@Repository
class Orders {

	static final String SYSTEM = OrderCommand.SYSTEM;

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	Orders(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
	}

	/** Status of the orders that already exist. */
	Map<Long, String> statuses(Collection<Long> orderIds) {
		Map<Long, String> statuses = new HashMap<>();
		if (!orderIds.isEmpty()) {
			this.named.query("SELECT id, status FROM orders WHERE id IN (:ids)", Map.of("ids", orderIds), (row) -> {
				statuses.put(row.getLong(1), row.getString(2));
			});
		}
		return statuses;
	}

	/** The ids the consumer gave up on. */
	Set<Long> abandoned(Collection<Long> orderIds) {
		Set<Long> abandoned = new HashSet<>();
		if (!orderIds.isEmpty()) {
			this.named.query("SELECT order_id FROM abandoned_orders WHERE order_id IN (:ids)", Map.of("ids", orderIds),
					(row) -> {
						abandoned.add(row.getLong(1));
					});
		}
		return abandoned;
	}

	void insert(List<NewOrder> orders) {
		if (orders.isEmpty()) {
			return;
		}
		this.jdbc.batchUpdate("""
				INSERT INTO orders (id, order_no, user_id, status, status_reason, total_cents, created_at, expires_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
				orders.stream()
					.map((o) -> new Object[] { o.id(), o.orderNo(), o.userId(), o.status().name(), o.reason(),
							o.totalCents(), Timestamp.from(o.createdAt()), timestamp(o.expiresAt()) })
					.toList());
		this.jdbc.batchUpdate(
				"INSERT INTO order_items (order_id, product_id, quantity, unit_price_cents) VALUES (?, ?, ?, ?)",
				orders.stream()
					.flatMap((o) -> o.items()
						.stream()
						.map((i) -> new Object[] { o.id(), i.productId(), i.quantity(), i.unitPriceCents() }))
					.toList());
		this.jdbc.batchUpdate("""
				INSERT INTO order_status_log (order_id, from_status, to_status, operator, reason)
				VALUES (?, ?, ?, ?, ?)""", orders.stream()
			.map((o) -> new Object[] { o.id(), OrderStatus.ACCEPTED.name(), o.status().name(), SYSTEM, o.reason() })
			.toList());
	}

	/** The order's owner, status and total, if it exists. */
	Optional<Current> current(long orderId) {
		return this.jdbc
			.query("SELECT user_id, status, total_cents FROM orders WHERE id = ?",
					(row, n) -> new Current(orderId, row.getLong(1), OrderStatus.valueOf(row.getString(2)),
							row.getLong(3)),
					orderId)
			.stream()
			.findFirst();
	}

	/**
	 * Moves the order from {@code from} to {@code to} only if it is still in
	 * {@code from}: {@code false} means another writer (a racing command, the expiry job,
	 * another consumer) moved it first.
	 */
	boolean transition(long orderId, OrderStatus from, OrderStatus to, @Nullable String reason, int steps,
			@Nullable Instant paidAt) {
		return this.jdbc.update(
				"""
						UPDATE orders SET status = ?, status_reason = ?, version = version + ?, updated_at = CURRENT_TIMESTAMP(3),
						       paid_at = COALESCE(?, paid_at)
						WHERE id = ? AND status = ?""",
				to.name(), reason, steps, timestamp(paidAt), orderId, from.name()) == 1;
	}

	void logStatus(long orderId, OrderStatus from, OrderStatus to, String operator, @Nullable String reason) {
		this.jdbc.update("""
				INSERT INTO order_status_log (order_id, from_status, to_status, operator, reason)
				VALUES (?, ?, ?, ?, ?)""", orderId, from.name(), to.name(), operator, reason);
	}

	void recordPayment(long orderId, String outcome, long amountCents, Instant at) {
		this.jdbc.update("INSERT INTO payments (order_id, outcome, amount_cents, at) VALUES (?, ?, ?, ?)", orderId,
				outcome, amountCents, Timestamp.from(at));
	}

	/**
	 * Records that the command read at this partition and offset is decided;
	 * {@code false} if it was before (a redelivery).
	 */
	boolean recordCommand(int partition, long offset, long orderId) {
		return this.jdbc.update(
				"INSERT IGNORE INTO applied_commands (topic_partition, record_offset, order_id) VALUES (?, ?, ?)",
				partition, offset, orderId) == 1;
	}

	/** PENDING_PAYMENT orders whose payment deadline passed, oldest first. */
	List<Long> expired(Instant now, int limit) {
		return this.jdbc.queryForList("""
				SELECT id FROM orders WHERE status = 'PENDING_PAYMENT' AND expires_at < ?
				ORDER BY expires_at LIMIT ?""", Long.class, Timestamp.from(now), limit);
	}

	/** Whether an open order references the product. */
	boolean hasOpenOrders(long productId) {
		return !this.named
			.queryForList("""
					SELECT 1 FROM order_items i JOIN orders o ON o.id = i.order_id
					WHERE i.product_id = :product AND o.status IN (:open) LIMIT 1""",
					Map.of("product", productId, "open", openNames()), Integer.class)
			.isEmpty();
	}

	/**
	 * Deletes every order, its items, payments and status log; the ids go to
	 * {@code abandoned_orders} first. Rows of an order written while this runs are left
	 * whole or deleted whole.
	 */
	int eraseAll() {
		this.jdbc.update("INSERT IGNORE INTO abandoned_orders (order_id) SELECT id FROM orders");
		int erased = this.jdbc.update("DELETE FROM orders");
		for (String table : List.of("order_items", "payments", "order_status_log")) {
			this.jdbc.update("DELETE FROM " + table + " WHERE order_id NOT IN (SELECT id FROM orders)");
		}
		return erased;
	}

	private static List<String> openNames() {
		return OrderStatus.OPEN.stream().map(OrderStatus::name).toList();
	}

	void abandon(Collection<Long> orderIds) {
		if (!orderIds.isEmpty()) {
			this.jdbc.batchUpdate("INSERT IGNORE INTO abandoned_orders (order_id) VALUES (?)",
					orderIds.stream().map((id) -> new Object[] { id }).toList());
		}
	}

	private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	/**
	 * A new order row with its items.
	 *
	 * @param id order id
	 * @param orderNo number shown to users
	 * @param userId customer
	 * @param status PENDING_PAYMENT or REJECTED
	 * @param reason why it was rejected, else {@code null}
	 * @param totalCents sum of the items
	 * @param createdAt when the API accepted it
	 * @param expiresAt payment deadline of a PENDING_PAYMENT order
	 * @param items the items
	 */
	record NewOrder(long id, String orderNo, long userId, OrderStatus status, @Nullable String reason, long totalCents,
			Instant createdAt, @Nullable Instant expiresAt, List<NewItem> items) {

	}

	/**
	 * What a transition needs to know of an order.
	 *
	 * @param id the order
	 * @param userId its owner
	 * @param status its state
	 * @param totalCents what it costs
	 */
	record Current(long id, long userId, OrderStatus status, long totalCents) {

	}

	/**
	 * An item row.
	 *
	 * @param productId the product
	 * @param quantity units
	 * @param unitPriceCents price when the order was written (0 for an unknown product)
	 */
	record NewItem(long productId, int quantity, long unitPriceCents) {

	}

}
