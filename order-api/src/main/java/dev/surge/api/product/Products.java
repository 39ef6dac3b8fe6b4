package dev.surge.api.product;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code products} and {@code product_stock} tables. Blocking.
 */
@Repository
class Products {

	private static final String DETAILS = """
			SELECT id, name, image_url, price_cents, warning_stock FROM products WHERE deleted = FALSE""";

	private static final RowMapper<ProductDetails> DETAILS_MAPPER = (rs, row) -> new ProductDetails(rs.getLong("id"),
			rs.getString("name"), rs.getString("image_url"), rs.getLong("price_cents"), rs.getInt("warning_stock"));

	private static final RowMapper<StockColumns> STOCK_MAPPER = (rs, row) -> new StockColumns(rs.getLong("total"),
			rs.getLong("available"), rs.getLong("locked"), rs.getLong("sold"));

	private final JdbcTemplate jdbc;

	Products(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Details of every product on sale, by id. */
	List<ProductDetails> findAllDetails() {
		return this.jdbc.query(DETAILS + " ORDER BY id", DETAILS_MAPPER);
	}

	Optional<ProductDetails> findDetails(long id) {
		return this.jdbc.query(DETAILS + " AND id = ?", DETAILS_MAPPER, id).stream().findFirst();
	}

	/** Every stock row by product id (deleted products' too: the caller picks). */
	Map<Long, StockColumns> stock() {
		Map<Long, StockColumns> stock = new HashMap<>();
		this.jdbc.query("SELECT product_id, total, available, locked, sold FROM product_stock", (row) -> {
			stock.put(row.getLong("product_id"), STOCK_MAPPER.mapRow(row, 0));
		});
		return stock;
	}

	Optional<StockColumns> stock(long id) {
		return this.jdbc
			.query("SELECT total, available, locked, sold FROM product_stock WHERE product_id = ?", STOCK_MAPPER, id)
			.stream()
			.findFirst();
	}

	/** Orders that still hold or may return this product's stock. */
	boolean hasOpenOrders(long id) {
		Integer count = this.jdbc.queryForObject("""
				SELECT COUNT(*) FROM order_items i JOIN orders o ON o.id = i.order_id
				WHERE i.product_id = ? AND o.status IN ('ACCEPTED', 'PENDING_PAYMENT', 'PAID',
				  'AWAITING_FULFILMENT', 'FULFILLING', 'FULFILMENT_FAILED', 'AFTER_SALE')""", Integer.class, id);
		return count != null && count > 0;
	}

	/**
	 * The product, its stock row and the RESTOCK log of its initial stock, in one
	 * transaction.
	 */
	@Transactional
	long create(NewProduct product, String operator) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.update((connection) -> {
			PreparedStatement insert = connection.prepareStatement(
					"INSERT INTO products (name, image_url, price_cents, warning_stock) VALUES (?, ?, ?, ?)",
					Statement.RETURN_GENERATED_KEYS);
			insert.setString(1, product.name());
			insert.setString(2, product.imageUrl());
			insert.setLong(3, product.priceCents());
			insert.setInt(4, product.warningStock());
			return insert;
		}, keys);
		long id = keys.getKey().longValue();
		this.jdbc.update("INSERT INTO product_stock (product_id, total, available) VALUES (?, ?, ?)", id,
				product.initialStock(), product.initialStock());
		this.jdbc.update("""
				INSERT INTO stock_log (product_id, change_type, delta_available, delta_total, operator, reason)
				VALUES (?, 'RESTOCK', ?, ?, ?, 'initial stock')""", id, product.initialStock(), product.initialStock(),
				operator);
		return id;
	}

}
