package dev.surge.stocksync.stock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

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

}
