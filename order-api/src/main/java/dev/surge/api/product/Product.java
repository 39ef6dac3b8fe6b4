package dev.surge.api.product;

import org.jspecify.annotations.Nullable;

/**
 * A product with its stock: total/available/locked/sold are MySQL's, {@code sellable} is
 * what the Redis gate may still sell ({@code null} when the stock is not loaded).
 *
 * @param id product id
 * @param name display name
 * @param imageUrl picture
 * @param priceCents unit price
 * @param warningStock low-stock threshold
 * @param total units owned
 * @param available units neither locked nor sold
 * @param locked units held by unpaid orders
 * @param sold units paid for
 * @param sellable units the gate may still sell
 */
record Product(long id, String name, @Nullable String imageUrl, long priceCents, int warningStock, long total,
		long available, long locked, long sold, @Nullable Long sellable) {

	Product withSellable(@Nullable Long units) {
		return new Product(this.id, this.name, this.imageUrl, this.priceCents, this.warningStock, this.total,
				this.available, this.locked, this.sold, units);
	}

}
