package dev.surge.contracts;

import org.jspecify.annotations.Nullable;

/**
 * An admin changed a product's details (not its stock).
 *
 * @param productId the product
 * @param name display name
 * @param imageUrl picture, may be null
 * @param priceCents unit price for new orders
 * @param warningStock low-stock threshold
 * @param operator admin username
 * @param at epoch millis
 */
public record ProductUpdated(long productId, String name, @Nullable String imageUrl, long priceCents, int warningStock,
		String operator, long at) implements ProductEvent {

	@Override
	public String key() {
		return Long.toString(this.productId);
	}

}
