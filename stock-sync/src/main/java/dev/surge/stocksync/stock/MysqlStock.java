package dev.surge.stocksync.stock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Reads the stock of non-deleted products from MySQL.
 */
final class MysqlStock {

	private static final String SELECT = """
			SELECT p.id, p.name, s.total, s.available, s.locked, s.sold
			FROM products p JOIN product_stock s ON s.product_id = p.id
			WHERE p.deleted = FALSE""";

	private MysqlStock() {
	}

	/** Every product, or only {@code productId}, ascending. */
	static List<ProductStock> read(Connection connection, @Nullable Long productId) throws SQLException {
		String sql = SELECT + ((productId != null) ? " AND p.id = ?" : "") + " ORDER BY p.id";
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			if (productId != null) {
				statement.setLong(1, productId);
			}
			List<ProductStock> products = new ArrayList<>();
			try (ResultSet row = statement.executeQuery()) {
				while (row.next()) {
					products.add(new ProductStock(row.getLong(1), row.getString(2), row.getLong(3), row.getLong(4),
							row.getLong(5), row.getLong(6)));
				}
			}
			return products;
		}
	}

	/**
	 * The order ids among {@code orderIds} that MySQL locked on this product (a PRELOCK
	 * row).
	 */
	static Set<Long> prelocked(Connection connection, long productId, Collection<Long> orderIds) throws SQLException {
		Set<Long> found = new HashSet<>();
		List<Long> ids = new ArrayList<>(orderIds);
		for (int from = 0; from < ids.size(); from += 1000) {
			List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
			String in = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
			try (PreparedStatement statement = connection.prepareStatement(
					"SELECT order_id FROM stock_log WHERE change_type = 'PRELOCK' AND product_id = ? AND order_id IN ("
							+ in + ")")) {
				statement.setLong(1, productId);
				for (int i = 0; i < chunk.size(); i++) {
					statement.setLong(i + 2, chunk.get(i));
				}
				try (ResultSet row = statement.executeQuery()) {
					while (row.next()) {
						found.add(row.getLong(1));
					}
				}
			}
		}
		return found;
	}

	/** Committed stock changes of the product that Redis may not have applied yet. */
	static List<PendingReturn> pendingReturns(Connection connection, long productId) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("""
				SELECT id, order_id, change_type, delta_available FROM stock_log
				WHERE redis_applied = FALSE AND product_id = ? ORDER BY id""")) {
			statement.setLong(1, productId);
			List<PendingReturn> pending = new ArrayList<>();
			try (ResultSet row = statement.executeQuery()) {
				while (row.next()) {
					pending.add(new PendingReturn(row.getLong(1), productId, row.getObject(2, Long.class),
							row.getString(3), row.getLong(4)));
				}
			}
			return pending;
		}
	}

	/** Records a repair of the Redis gate; MySQL's columns do not change. */
	static void logAdjustment(Connection connection, long productId, String reason) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("""
				INSERT INTO stock_log (product_id, change_type, operator, reason, redis_applied)
				VALUES (?, 'ADJUST', 'stock-sync', ?, TRUE)""")) {
			statement.setLong(1, productId);
			statement.setString(2, reason);
			statement.executeUpdate();
		}
	}

}
