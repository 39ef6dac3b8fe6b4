package dev.surge.consumer.stock;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import dev.surge.contracts.StockMovement;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code product_stock} rows and the order-driven {@code stock_log}. Every method
 * runs inside the caller's transaction.
 */
@Repository
public class Stock {

	private static final String LOCK = """
			UPDATE product_stock SET available = available - ?, locked = locked + ?, version = version + 1
			WHERE product_id = ? AND available >= ?""";

	private static final String PRELOCK = """
			INSERT IGNORE INTO stock_log (product_id, order_id, change_type, delta_available, delta_locked, operator)
			VALUES (?, ?, 'PRELOCK', ?, ?, 'system')""";

	private static final String MOVE = """
			UPDATE product_stock
			SET available = available + ?, locked = locked + ?, sold = sold + ?, version = version + 1
			WHERE product_id = ? AND available + ? >= 0 AND locked + ? >= 0 AND sold + ? >= 0""";

	private static final String LOG_MOVE = """
			INSERT IGNORE INTO stock_log (product_id, order_id, change_type, delta_available, delta_locked, delta_sold,
			                              operator, reason, redis_applied)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	Stock(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
	}

	/**
	 * Reads and row-locks the available units of the products, in ascending id order so
	 * two consumers never wait on each other in a cycle.
	 */
	public Map<Long, Long> lockAvailable(Collection<Long> productIds) {
		Map<Long, Long> available = new HashMap<>();
		if (productIds.isEmpty()) {
			return available;
		}
		this.named.query("""
				SELECT product_id, available FROM product_stock WHERE product_id IN (:ids)
				ORDER BY product_id FOR UPDATE""", Map.of("ids", productIds), (row) -> {
			available.put(row.getLong(1), row.getLong(2));
		});
		return available;
	}

	/**
	 * Moves units from available to locked, one guarded UPDATE per product in ascending
	 * id order. The rows are locked and the units were allocated from them, so a miss is
	 * a bug or a writer outside the protocol; it fails the transaction.
	 */
	public void lock(SortedMap<Long, Long> unitsPerProduct) {
		if (unitsPerProduct.isEmpty()) {
			return;
		}
		List<Object[]> rows = new ArrayList<>();
		unitsPerProduct.forEach((product, units) -> rows.add(new Object[] { units, units, product, units }));
		int[] counts = this.jdbc.batchUpdate(LOCK, rows);
		for (int i = 0; i < counts.length; i++) {
			if (counts[i] == 0) {
				throw new IllegalStateException("Stock of product " + rows.get(i)[2] + " changed under its row lock");
			}
		}
	}

	/** Writes the PRELOCK rows; a replayed row is ignored by the unique key. */
	public void logPrelocks(List<Prelock> prelocks) {
		if (prelocks.isEmpty()) {
			return;
		}
		this.jdbc.batchUpdate(PRELOCK,
				prelocks.stream()
					.map((p) -> new Object[] { p.productId(), p.orderId(), -p.quantity(), p.quantity() })
					.toList());
	}

	/**
	 * Moves one order's units as a transition says, product by product in ascending id
	 * order: first the {@code stock_log} row ({@code INSERT IGNORE} on (order, product,
	 * type)), and only if it is new the guarded UPDATE, so a replay cannot move twice.
	 * Units going back to sale are logged {@code redis_applied = FALSE}: Redis gets them
	 * after the commit.
	 * @param orderId the order
	 * @param items its lines, ascending product id
	 * @param movement how the units move
	 * @param operator who made the transition
	 * @param reason why, may be null
	 * @return the returns to bring to Redis after the commit
	 * @throws IllegalStateException when a column would go negative: the stock does not
	 * hold what the order says it holds (a bug or a writer outside the protocol)
	 */
	public List<PendingReturn> move(long orderId, List<Line> items, StockMovement movement, String operator,
			@Nullable String reason) {
		String type = movement.changeType();
		if (type == null || movement == StockMovement.PRELOCK) {
			throw new IllegalArgumentException("Not an order movement: " + movement);
		}
		List<PendingReturn> returns = new ArrayList<>();
		for (Line item : items) {
			long a = movement.available() * item.quantity();
			long l = movement.locked() * item.quantity();
			long s = movement.sold() * item.quantity();
			Long logId = insertLog(LOG_MOVE, new Object[] { item.productId(), orderId, type, a, l, s, operator, reason,
					!movement.returnsToSale() });
			if (logId == null) {
				continue;
			}
			if (this.jdbc.update(MOVE, a, l, s, item.productId(), a, l, s) == 0) {
				throw new IllegalStateException(
						"Stock of product " + item.productId() + " cannot take " + type + " of order " + orderId);
			}
			if (movement.returnsToSale()) {
				returns.add(new PendingReturn(logId, item.productId(), orderId, type, a));
			}
		}
		return returns;
	}

	/**
	 * Adds units to a product's total and available (RESTOCK), once per request id.
	 * @return the return to bring to Redis after the commit, or {@code null} if this
	 * request was applied before
	 */
	public @Nullable PendingReturn restock(long productId, long units, String requestId, String operator,
			@Nullable String reason) {
		Long logId = insertLog("""
				INSERT IGNORE INTO stock_log (product_id, request_id, change_type, delta_available, delta_total,
				                              operator, reason, redis_applied)
				VALUES (?, ?, 'RESTOCK', ?, ?, ?, ?, FALSE)""",
				new Object[] { productId, requestId, units, units, operator, reason });
		if (logId == null) {
			return null;
		}
		int updated = this.jdbc.update("""
				UPDATE product_stock SET total = total + ?, available = available + ?, version = version + 1
				WHERE product_id = ?""", units, units, productId);
		if (updated == 0) {
			this.jdbc.update("INSERT INTO product_stock (product_id, total, available) VALUES (?, ?, ?)", productId,
					units, units);
		}
		return new PendingReturn(logId, productId, null, "RESTOCK", units);
	}

	/**
	 * Row-locks every product's stock, in ascending id order as every writer does.
	 * @return the product ids
	 */
	public List<Long> lockAll() {
		return this.jdbc.queryForList("SELECT product_id FROM product_stock ORDER BY product_id FOR UPDATE",
				Long.class);
	}

	/**
	 * Of these order ids, those that MySQL locked stock of this product for (a
	 * {@code PRELOCK} row).
	 */
	public List<Long> prelocked(long productId, Collection<Long> orderIds) {
		if (orderIds.isEmpty()) {
			return List.of();
		}
		return this.named.queryForList("""
				SELECT order_id FROM stock_log
				WHERE product_id = :product AND change_type = 'PRELOCK' AND order_id IN (:ids)""",
				Map.of("product", productId, "ids", orderIds), Long.class);
	}

	/**
	 * Deletes the stock log, except the returns Redis has not applied yet (they are still
	 * owed to it).
	 * @return rows deleted
	 */
	public int eraseLog() {
		return this.jdbc.update("DELETE FROM stock_log WHERE redis_applied = TRUE");
	}

	/**
	 * Makes a product's stock whole (ADJUST): {@code total} units (or the total it has,
	 * when {@code null}), all available, none locked or sold. Once per request id and
	 * product.
	 * @return the change to bring to Redis after the commit, or {@code null} if there is
	 * none or this request was applied before
	 */
	public @Nullable PendingReturn makeWhole(long productId, @Nullable Long whole, String requestId, String operator,
			@Nullable String reason) {
		this.jdbc.update("INSERT IGNORE INTO product_stock (product_id, total, available) VALUES (?, 0, 0)", productId);
		Columns now = this.jdbc.queryForObject(
				"SELECT total, available, locked, sold FROM product_stock WHERE product_id = ? FOR UPDATE",
				(row, n) -> new Columns(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4)), productId);
		long total = (whole != null) ? whole : now.total();
		long deltaAvailable = total - now.available();
		Long logId = insertLog("""
				INSERT IGNORE INTO stock_log (product_id, request_id, change_type, delta_available, delta_locked,
				                              delta_sold, delta_total, operator, reason, redis_applied)
				VALUES (?, ?, 'ADJUST', ?, ?, ?, ?, ?, ?, ?)""", new Object[] { productId, requestId, deltaAvailable,
				-now.locked(), -now.sold(), total - now.total(), operator, reason, deltaAvailable == 0 });
		if (logId == null) {
			return null;
		}
		this.jdbc.update("""
				UPDATE product_stock SET total = ?, available = ?, locked = 0, sold = 0, version = version + 1
				WHERE product_id = ?""", total, total, productId);
		return (deltaAvailable != 0) ? new PendingReturn(logId, productId, null, "ADJUST", deltaAvailable) : null;
	}

	/** Whether a stock log row carries this request id. */
	public boolean requestApplied(String requestId) {
		return !this.jdbc.queryForList("SELECT 1 FROM stock_log WHERE request_id = ? LIMIT 1", Integer.class, requestId)
			.isEmpty();
	}

	/** The lines of an order, ascending product id. */
	public List<Line> lines(long orderId) {
		return this.jdbc.query("SELECT product_id, quantity FROM order_items WHERE order_id = ? ORDER BY product_id",
				(row, n) -> new Line(row.getLong(1), row.getInt(2)), orderId);
	}

	private @Nullable Long insertLog(String sql, Object[] values) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		int inserted = this.jdbc.update((connection) -> {
			PreparedStatement insert = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
			for (int i = 0; i < values.length; i++) {
				insert.setObject(i + 1, values[i]);
			}
			return insert;
		}, keys);
		return (inserted == 1 && keys.getKey() != null) ? keys.getKey().longValue() : null;
	}

	private record Columns(long total, long available, long locked, long sold) {

	}

	/**
	 * One line of an order.
	 *
	 * @param productId the product
	 * @param quantity units
	 */
	public record Line(long productId, int quantity) {

	}

	/**
	 * Units of one order locked on one product.
	 *
	 * @param orderId the order
	 * @param productId the product
	 * @param quantity units
	 */
	public record Prelock(long orderId, long productId, long quantity) {

	}

}
