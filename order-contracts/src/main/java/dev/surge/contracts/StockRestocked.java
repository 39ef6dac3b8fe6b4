package dev.surge.contracts;

/**
 * An admin added units: MySQL total and available grow, then Redis once (RESTOCK log
 * row).
 *
 * @param productId the product
 * @param quantity units added, positive
 * @param operator admin username
 * @param reason free text
 * @param requestId unique per request, so a redelivery applies once
 * @param at epoch millis
 */
public record StockRestocked(long productId, int quantity, String operator, String reason, String requestId,
		long at) implements ProductEvent {

	@Override
	public String key() {
		return Long.toString(this.productId);
	}

}
