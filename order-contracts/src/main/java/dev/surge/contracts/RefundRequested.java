package dev.surge.contracts;

/**
 * The owner of a completed order asked for a refund (after-sale).
 *
 * @param orderId the order
 * @param operator username of the owner
 * @param reason free text
 * @param at epoch millis
 */
public record RefundRequested(long orderId, String operator, String reason, long at) implements OrderEvent {

}
