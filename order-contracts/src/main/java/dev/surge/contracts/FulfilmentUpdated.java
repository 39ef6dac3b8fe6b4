package dev.surge.contracts;

/**
 * An operator moved the order's fulfilment on.
 *
 * @param orderId the order
 * @param action START, COMPLETE or FAIL
 * @param operator username of the admin
 * @param reason free text
 * @param at epoch millis
 */
public record FulfilmentUpdated(long orderId, FulfilmentAction action, String operator, String reason,
		long at) implements OrderEvent {

}
