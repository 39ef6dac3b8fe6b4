package dev.surge.api.admin;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/admin/stats}.
 *
 * @param ordersByStatus orders per state, every state present
 * @param paid orders whose payment succeeded (已支付), whatever their state now
 * @param products stock of every product
 * @param throughput orders created per second over the last five minutes, oldest first
 */
record Statistics(Map<String, Long> ordersByStatus, long paid, List<Stock> products, List<ThroughputPoint> throughput) {

	/**
	 * A product's stock figures.
	 *
	 * @param id product id
	 * @param name display name
	 * @param total units owned
	 * @param available units neither locked nor sold
	 * @param locked units held by unpaid orders
	 * @param sold units paid for
	 * @param sellable units the Redis gate may still sell
	 * @param lowStock at or below its warning level ({@code LowStock.isLow})
	 */
	record Stock(long id, String name, long total, long available, long locked, long sold, @Nullable Long sellable,
			boolean lowStock) {

		static Stock of(StockLevel level) {
			return new Stock(level.id(), level.name(), level.total(), level.available(), level.locked(), level.sold(),
					level.sellable(), level.lowStock());
		}

	}

}
