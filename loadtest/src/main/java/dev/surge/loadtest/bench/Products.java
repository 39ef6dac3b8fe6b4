package dev.surge.loadtest.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

import dev.surge.contracts.RedisKeys;

/** The benchmark's products, seeded before any measured window. */
final class Products {

	/**
	 * The bare endpoint reserves on products that exist only in Redis: its reservations
	 * are never claimed, and the API's reservation sweeper (which lists products from
	 * MySQL) must not see them, or it would publish an expiry for each during the full
	 * run.
	 */
	static final long BARE_FIRST_PRODUCT = 1_000_001;

	private Products() {
	}

	/**
	 * Products 1..n for the HTTP runs and n+1, the hot product of the backlog, each with
	 * ten million units, in MySQL and in the gate; and as many for the bare endpoint, in
	 * Redis only.
	 */
	static void seed(Db db, String redisUri, int products) {
		seed(db, redisUri, 1, products + 1, true);
	}

	/**
	 * Products {@code first..last} more, in MySQL and in the gate, for the cost curve's
	 * large catalogue.
	 */
	static void add(Db db, String redisUri, long first, long last) {
		seed(db, redisUri, first, last, false);
	}

	private static void seed(Db db, String redisUri, long first, long last, boolean bare) {
		long units = 10_000_000L;
		try (Connection connection = db.connect();
				PreparedStatement product = connection
					.prepareStatement("INSERT INTO products (id, name, price_cents) VALUES (?, ?, ?)");
				PreparedStatement stock = connection
					.prepareStatement("INSERT INTO product_stock (product_id, total, available) VALUES (?, ?, ?)")) {
			for (long id = first; id <= last; id++) {
				product.setLong(1, id);
				product.setString(2, "Bench product " + id);
				product.setLong(3, 100 + id);
				product.addBatch();
				stock.setLong(1, id);
				stock.setLong(2, units);
				stock.setLong(3, units);
				stock.addBatch();
			}
			product.executeBatch();
			stock.executeBatch();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Seeding products failed: " + ex.getMessage(), ex);
		}
		RedisClient redis = RedisClient.create(redisUri);
		try (StatefulRedisConnection<String, String> connection = redis.connect()) {
			for (long id = first; id <= last; id++) {
				connection.async().set(RedisKeys.stock(id), Long.toString(units));
				if (bare) {
					connection.async().set(RedisKeys.stock(BARE_FIRST_PRODUCT + id - 1), Long.toString(units));
				}
			}
			connection.sync().ping();
		}
		finally {
			redis.shutdown();
		}
	}

}
