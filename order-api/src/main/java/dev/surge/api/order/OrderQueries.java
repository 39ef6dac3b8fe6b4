package dev.surge.api.order;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.surge.contracts.OrderStatus;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads orders from MySQL, which the consumer writes. Blocking.
 */
@Repository
class OrderQueries {

	private static final String COLUMNS = "id, order_no, user_id, status, status_reason, total_cents, created_at, expires_at, paid_at";

	private final NamedParameterJdbcTemplate jdbc;

	OrderQueries(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Optional<OrderView> find(long orderId) {
		MapSqlParameterSource id = new MapSqlParameterSource("id", orderId);
		List<OrderView> found = this.jdbc.query("SELECT " + COLUMNS + " FROM orders WHERE id = :id", id,
				(rs, row) -> order(rs, items(List.of(orderId)).getOrDefault(orderId, List.of()), history(orderId)));
		return found.stream().findFirst();
	}

	/** Owner and status only, to check a command. */
	Optional<State> state(long orderId) {
		return this.jdbc
			.query("SELECT user_id, status FROM orders WHERE id = :id", new MapSqlParameterSource("id", orderId),
					(rs, row) -> new State(rs.getLong(1), OrderStatus.valueOf(rs.getString(2))))
			.stream()
			.findFirst();
	}

	/** A page of orders, newest first; all users' when {@code userId} is null. */
	OrderView.Page page(@Nullable Long userId, @Nullable OrderStatus status, int page, int size) {
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("user", userId)
			.addValue("status", (status != null) ? status.name() : null)
			.addValue("limit", size)
			.addValue("offset", page * size);
		String where = " WHERE (:user IS NULL OR user_id = :user) AND (:status IS NULL OR status = :status)";
		Long total = this.jdbc.queryForObject("SELECT COUNT(*) FROM orders" + where, params, Long.class);
		List<OrderView> orders = this.jdbc.query(
				"SELECT " + COLUMNS + " FROM orders" + where + " ORDER BY id DESC LIMIT :limit OFFSET :offset", params,
				(rs, row) -> order(rs, List.of(), List.of()));
		Map<Long, List<OrderView.Item>> items = items(orders.stream().map((o) -> Long.parseLong(o.orderId())).toList());
		List<OrderView> content = orders.stream()
			.map((o) -> o.withItems(items.getOrDefault(Long.parseLong(o.orderId()), List.of())))
			.toList();
		return new OrderView.Page(content, page, size, (total != null) ? total : 0);
	}

	private Map<Long, List<OrderView.Item>> items(List<Long> orderIds) {
		Map<Long, List<OrderView.Item>> items = new LinkedHashMap<>();
		if (orderIds.isEmpty()) {
			return items;
		}
		this.jdbc.query("""
				SELECT i.order_id, i.product_id, p.name, i.quantity, i.unit_price_cents
				FROM order_items i LEFT JOIN products p ON p.id = i.product_id
				WHERE i.order_id IN (:ids) ORDER BY i.product_id""", new MapSqlParameterSource("ids", orderIds),
				(rs) -> {
					items.computeIfAbsent(rs.getLong("order_id"), (id) -> new ArrayList<>())
						.add(new OrderView.Item(rs.getLong("product_id"), rs.getString("name"), rs.getInt("quantity"),
								rs.getLong("unit_price_cents")));
				});
		return items;
	}

	private List<OrderView.Transition> history(long orderId) {
		return this.jdbc.query(
				"SELECT from_status, to_status, operator, reason, at FROM order_status_log WHERE order_id = :id ORDER BY id",
				new MapSqlParameterSource("id", orderId),
				(rs, row) -> new OrderView.Transition(rs.getString("from_status"), rs.getString("to_status"),
						rs.getString("operator"), rs.getString("reason"), instant(rs, "at")));
	}

	private static OrderView order(ResultSet rs, List<OrderView.Item> items, List<OrderView.Transition> history)
			throws SQLException {
		long id = rs.getLong("id");
		return new OrderView(Long.toString(id), rs.getString("order_no"), rs.getLong("user_id"),
				OrderStatus.valueOf(rs.getString("status")), rs.getString("status_reason"), rs.getLong("total_cents"),
				instant(rs, "created_at"), instant(rs, "expires_at"), instant(rs, "paid_at"), items, history,
				List.of());
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	record State(long userId, OrderStatus status) {
	}

}
