package dev.surge.contracts;

/**
 * An admin approved (REFUNDED, stock returned) or rejected (back to COMPLETED) an
 * after-sale request.
 *
 * @param orderId the order
 * @param approved the decision
 * @param operator username of the admin
 * @param reason free text
 * @param at epoch millis
 */
public record RefundDecided(long orderId, boolean approved, String operator, String reason,
		long at) implements OrderEvent {

}
