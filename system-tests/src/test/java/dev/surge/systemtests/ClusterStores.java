package dev.surge.systemtests;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;

import dev.surge.contracts.RedisKeys;
import dev.surge.contracts.Reservations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reads the MySQL and the Redis Cluster of a {@link ClusterSystem} directly, to check
 * what the services did.
 */
final class ClusterStores {

	private final ClusterSystem system;

	ClusterStores(ClusterSystem system) {
		this.system = system;
	}

	long redisStock(long product) {
		String value = this.system.redis().get(RedisKeys.stock(product));
		return (value != null) ? Long.parseLong(value) : -1;
	}

	long reservedUnits(long product) {
		return this.system.redis()
			.hvals(RedisKeys.reservations(product))
			.stream()
			.mapToLong((value) -> Reservations.parse(value).quantity())
			.sum();
	}

	void awaitAccepted(Collection<Long> orders) {
		await().atMost(Duration.ofSeconds(180))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(count("SELECT COUNT(*) FROM orders WHERE id IN (%s)", orders))
				.as("accepted orders in MySQL")
				.isEqualTo(orders.size()));
	}

	void awaitDrained(Collection<Long> products) {
		// an orphaned reservation is expired by the sweeper after ~20 s
		await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			for (long product : products) {
				assertThat(reservedUnits(product)).as("unclaimed units of product %d", product).isZero();
			}
		});
	}

	Stores.StockRow stock(long product) throws SQLException {
		try (Connection db = this.system.mysql();
				PreparedStatement select = db.prepareStatement(
						"SELECT total, available, locked, sold FROM product_stock WHERE product_id = ?")) {
			select.setLong(1, product);
			try (ResultSet rs = select.executeQuery()) {
				assertThat(rs.next()).as("stock of %d", product).isTrue();
				return new Stores.StockRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
			}
		}
	}

	long stockLogRows(long product, String type, Collection<Long> orders) {
		return count("SELECT COUNT(*) FROM stock_log WHERE product_id = " + product + " AND change_type = '" + type
				+ "' AND order_id IN (%s)", orders);
	}

	long ordersOf(Collection<Long> products) {
		return count("SELECT COUNT(DISTINCT order_id) FROM order_items WHERE product_id IN (%s)", products);
	}

	/** {@code sql} with {@code %s} for the ids, summed over chunks of 500 ids. */
	long count(String sql, Collection<Long> ids) {
		return Sql.count(this.system::mysql, sql, ids);
	}

}
