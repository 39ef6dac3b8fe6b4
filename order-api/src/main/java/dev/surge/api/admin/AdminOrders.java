package dev.surge.api.admin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.surge.contracts.OrderStatus;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Every customer's orders, from MySQL. Blocking.
 */
@Repository
class AdminOrders {

	private static final String COLUMNS = "id, order_no, user_id, status, status_reason, total_cents, created_at, expires_at, paid_at";

	private final NamedParameterJdbcTemplate jdbc;

	AdminOrders(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Page<AdminOrder> page(@Nullable OrderStatus status, @Nullable Long userId, int page, int size) {
		MapSqlParameterSource params = new MapSqlParameterSource()
			.addValue("status", (status != null) ? status.name() : null)
			.addValue("user", userId)
			.addValue("limit", size)
			.addValue("offset", (long) page * size);
		String where = " WHERE (:user IS NULL OR user_id = :user) AND (:status IS NULL OR status = :status)";
		Long total = this.jdbc.queryForObject("SELECT COUNT(*) FROM orders" + where, params, Long.class);
		List<AdminOrder> orders = this.jdbc.query(
				"SELECT " + COLUMNS + " FROM orders" + where + " ORDER BY id DESC LIMIT :limit OFFSET :offset", params,
				(rs, row) -> order(rs));
		Map<String, List<AdminOrder.Item>> items = items(orders);
		List<AdminOrder> content = orders.stream()
			.map((order) -> order.withItems(items.getOrDefault(order.orderId(), List.of())))
			.toList();
		return new Page<>(content, page, size, (total != null) ? total : 0);
	}

	private Map<String, List<AdminOrder.Item>> items(List<AdminOrder> orders) {
		Map<String, List<AdminOrder.Item>> items = new HashMap<>();
		if (orders.isEmpty()) {
			return items;
		}
		List<Long> ids = orders.stream().map((order) -> Long.parseLong(order.orderId())).toList();
		this.jdbc.query("""
				SELECT i.order_id, i.product_id, p.name, i.quantity, i.unit_price_cents
				FROM order_items i LEFT JOIN products p ON p.id = i.product_id
				WHERE i.order_id IN (:ids) ORDER BY i.order_id, i.product_id""", new MapSqlParameterSource("ids", ids),
				(rs) -> {
					items.computeIfAbsent(Long.toString(rs.getLong("order_id")), (id) -> new ArrayList<>())
						.add(new AdminOrder.Item(rs.getLong("product_id"), rs.getString("name"), rs.getInt("quantity"),
								rs.getLong("unit_price_cents")));
				});
		return items;
	}

	private static AdminOrder order(ResultSet rs) throws SQLException {
		return new AdminOrder(Long.toString(rs.getLong("id")), rs.getString("order_no"), rs.getLong("user_id"),
				OrderStatus.valueOf(rs.getString("status")), rs.getString("status_reason"), rs.getLong("total_cents"),
				rs.getTimestamp("created_at").toInstant(), instant(rs, "expires_at"), instant(rs, "paid_at"));
	}

	static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

}
