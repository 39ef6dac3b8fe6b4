package dev.surge.loadtest.client;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import dev.surge.contracts.RedisKeys;

/**
 * Reads MySQL (the source of truth) and Redis (the gate) after a run and tells whether
 * anything was oversold: per product {@code locked + sold <= total}, no negative column,
 * and {@code redis.stock == mysql.available - Σ unclaimed reservations}.
 */
public final class Ledger implements AutoCloseable {

	private final String jdbcUrl;

	private final String user;

	private final String password;

	private final RedisClient redisClient;

	private final StatefulRedisConnection<String, String> redisConnection;

	public Ledger(String jdbcUrl, String user, String password, String redisUri) {
		this.jdbcUrl = jdbcUrl;
		this.user = user;
		this.password = password;
		this.redisClient = RedisClient.create(redisUri);
		this.redisConnection = this.redisClient.connect();
	}

	public Connection connect() throws SQLException {
		return DriverManager.getConnection(this.jdbcUrl, this.user, this.password);
	}

	public RedisCommands<String, String> redis() {
		return this.redisConnection.sync();
	}

	/**
	 * The stock verdict over the given products (all when empty).
	 * @param productIds the products to check, or none for all
	 * @return units taken against units in stock, oversold units, drifting products
	 */
	public StockVerdict stock(Collection<Long> productIds) {
		String where = productIds.isEmpty() ? "" : " WHERE product_id IN ("
				+ productIds.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")";
		long total = 0;
		long taken = 0;
		long oversold = 0;
		int products = 0;
		int drift = 0;
		RedisCommands<String, String> redis = redis();
		try (Connection connection = connect();
				PreparedStatement select = connection
					.prepareStatement("SELECT product_id, total, available, locked, sold FROM product_stock" + where);
				ResultSet rows = select.executeQuery()) {
			while (rows.next()) {
				long id = rows.getLong(1);
				long rowTotal = rows.getLong(2);
				long available = rows.getLong(3);
				long locked = rows.getLong(4);
				long sold = rows.getLong(5);
				products++;
				total += rowTotal;
				taken += locked + sold;
				oversold += Math.max(0, locked + sold - rowTotal) + Math.max(0, -available);
				String gate = redis.get(RedisKeys.stock(id));
				if (gate != null) {
					long stock = Long.parseLong(gate);
					oversold += Math.max(0, -stock);
					if (stock != available - reserved(redis, id)) {
						drift++;
					}
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Reading product_stock failed: " + ex.getMessage(), ex);
		}
		return new StockVerdict(products, total, taken, oversold, drift);
	}

	/** Orders in MySQL by status, for orders of these users. */
	public Map<String, Long> ordersOfUsers(Collection<Long> userIds) {
		return countByStatus("SELECT status, COUNT(*) FROM orders WHERE user_id IN ("
				+ userIds.stream().map(String::valueOf).collect(Collectors.joining(",")) + ") GROUP BY status");
	}

	/** Orders in MySQL by status, for orders holding this product. */
	public Map<String, Long> ordersOfProduct(long productId) {
		return countByStatus("SELECT o.status, COUNT(*) FROM orders o JOIN order_items i ON i.order_id = o.id "
				+ "WHERE i.product_id = " + productId + " GROUP BY o.status");
	}

	/** Orders in MySQL that are not REJECTED: what the consumer accepted. */
	public static long accepted(Map<String, Long> byStatus) {
		return byStatus.entrySet()
			.stream()
			.filter((entry) -> !entry.getKey().equals("REJECTED"))
			.mapToLong(Map.Entry::getValue)
			.sum();
	}

	public static long all(Map<String, Long> byStatus) {
		return byStatus.values().stream().mapToLong(Long::longValue).sum();
	}

	private Map<String, Long> countByStatus(String sql) {
		Map<String, Long> counts = new TreeMap<>();
		try (Connection connection = connect();
				PreparedStatement select = connection.prepareStatement(sql);
				ResultSet rows = select.executeQuery()) {
			while (rows.next()) {
				counts.put(rows.getString(1), rows.getLong(2));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Counting orders failed: " + ex.getMessage(), ex);
		}
		return counts;
	}

	private static long reserved(RedisCommands<String, String> redis, long productId) {
		List<String> values = redis.hvals(RedisKeys.reservations(productId));
		long units = 0;
		for (String value : values) {
			units += Long.parseLong(value.substring(0, value.indexOf(':')));
		}
		return units;
	}

	@Override
	public void close() {
		this.redisConnection.close();
		this.redisClient.shutdown();
	}

	/**
	 * The stock verdict.
	 *
	 * @param products products checked
	 * @param total units in stock (total)
	 * @param taken units locked or sold by orders
	 * @param oversold units sold beyond the stock, plus negative columns: must be 0
	 * @param drift products where Redis and MySQL disagree
	 */
	public record StockVerdict(int products, long total, long taken, long oversold, int drift) {

		public boolean ok() {
			return this.oversold == 0;
		}

		@Override
		public String toString() {
			return "units taken " + this.taken + " of " + this.total + " in " + this.products + " products, oversold "
					+ this.oversold + ((this.drift > 0) ? ", Redis drift on " + this.drift + " products" : "")
					+ (ok() ? " — OK" : " — OVERSOLD");
		}

	}

}
