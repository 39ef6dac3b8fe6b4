package dev.surge.consumer.order;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code orders}, {@code order_items}, {@code order_status_log} and
 * {@code abandoned_orders} tables, written in batches inside the caller's transaction.
 */
@Repository
class Orders {

	private static final String SYSTEM = "system";

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
	 * An item row.
	 *
	 * @param productId the product
	 * @param quantity units
	 * @param unitPriceCents price when the order was written (0 for an unknown product)
	 */
	record NewItem(long productId, int quantity, long unitPriceCents) {

	}

}
