package dev.surge.api.admin;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads the order, stock and security logs, newest first. Blocking.
 */
@Repository
class OperationLogs {

	private final NamedParameterJdbcTemplate jdbc;

	OperationLogs(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Page<LogEntry> page(LogQuery query) {
		return switch (query.type()) {
			case ORDER, FULFILMENT -> transitions(query);
			case STOCK -> stock(query);
			case SECURITY -> security(query);
		};
	}

	private Page<LogEntry> transitions(LogQuery query) {
		Where where = new Where();
		where.add(query.orderId() != null, "order_id = :order");
		where.add(query.operator() != null, "operator = :operator");
		where.add(query.productId() != null,
				"order_id IN (SELECT i.order_id FROM order_items i WHERE i.product_id = :product)");
		where.add(query.type() == LogType.FULFILMENT,
				"(to_status IN ('FULFILLING', 'COMPLETED', 'FULFILMENT_FAILED') OR from_status = 'FULFILLING')");
		RowMapper<LogEntry> mapper = (rs, row) -> LogEntries.transition(query.type(), rs.getTimestamp("at").toInstant(),
				rs.getLong("order_id"), query.productId(), rs.getString("from_status"), rs.getString("to_status"),
				rs.getString("operator"), rs.getString("reason"));
		return page(query, "order_status_log", "at, order_id, from_status, to_status, operator, reason", where, mapper);
	}

	private Page<LogEntry> stock(LogQuery query) {
		Where where = new Where();
		where.add(query.orderId() != null, "order_id = :order");
		where.add(query.productId() != null, "product_id = :product");
		where.add(query.operator() != null, "operator = :operator");
		RowMapper<LogEntry> mapper = (rs, row) -> LogEntries.stock(rs.getTimestamp("at").toInstant(),
				(Long) rs.getObject("order_id", Long.class), rs.getLong("product_id"), rs.getString("change_type"),
				new LogEntries.Deltas(rs.getLong("delta_available"), rs.getLong("delta_locked"),
						rs.getLong("delta_sold"), rs.getLong("delta_total")),
				rs.getString("operator"), rs.getString("reason"));
		return page(query, "stock_log",
				"at, order_id, product_id, change_type, delta_available, delta_locked, delta_sold, delta_total, operator, reason",
				where, mapper);
	}

	private Page<LogEntry> security(LogQuery query) {
		Where where = new Where();
		where.add(query.operator() != null, "username = :operator");
		RowMapper<LogEntry> mapper = (rs, row) -> LogEntries.security(rs.getTimestamp("at").toInstant(),
				rs.getString("username"), rs.getString("ip"), rs.getString("route"), rs.getString("action"),
				rs.getString("outcome"), rs.getString("detail"));
		return page(query, "security_log", "at, username, ip, route, action, outcome, detail", where, mapper);
	}

	private Page<LogEntry> page(LogQuery query, String table, String columns, Where where, RowMapper<LogEntry> mapper) {
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("order", query.orderId())
			.addValue("product", query.productId())
			.addValue("operator", query.operator())
			.addValue("limit", query.size())
			.addValue("offset", query.offset());
		Long total = this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table + where, params, Long.class);
		List<LogEntry> rows = this.jdbc.query(
				"SELECT " + columns + " FROM " + table + where + " ORDER BY id DESC LIMIT :limit OFFSET :offset",
				params, mapper);
		return new Page<>(rows, query.page(), query.size(), (total != null) ? total : 0);
	}

	/** A WHERE clause of fixed conditions; values are always bound parameters. */
	private static final class Where {

		private final List<String> conditions = new ArrayList<>();

		void add(boolean applies, String condition) {
			if (applies) {
				this.conditions.add(condition);
			}
		}

		@Override
		public String toString() {
			return this.conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", this.conditions);
		}

	}

}
