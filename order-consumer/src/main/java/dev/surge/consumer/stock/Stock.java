package dev.surge.consumer.stock;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
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
	 * Units of one order locked on one product.
	 *
	 * @param orderId the order
	 * @param productId the product
	 * @param quantity units
	 */
	public record Prelock(long orderId, long productId, long quantity) {

	}

}
