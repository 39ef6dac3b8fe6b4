package dev.surge.contracts;

/**
 * An admin removed a product from sale (soft delete; refused while it has open orders).
 *
 * @param productId the product
 * @param operator admin username
 * @param at epoch millis
 */
public record ProductDeleted(long productId, String operator, long at) implements ProductEvent {

	@Override
	public String key() {
		return Long.toString(this.productId);
	}

}
