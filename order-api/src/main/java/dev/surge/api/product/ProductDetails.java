package dev.surge.api.product;

import org.jspecify.annotations.Nullable;

/**
 * What the catalogue says about a product, without its stock: the part that is cached in
 * Redis ({@link ProductCache}).
 *
 * @param id product id
 * @param name display name
 * @param imageUrl picture
 * @param priceCents unit price
 * @param warningStock low-stock threshold
 */
record ProductDetails(long id, String name, @Nullable String imageUrl, long priceCents, int warningStock) {

	Product with(StockColumns stock) {
		return new Product(this.id, this.name, this.imageUrl, this.priceCents, this.warningStock, stock.total(),
				stock.available(), stock.locked(), stock.sold(), null);
	}

}
