package dev.surge.contracts;

/**
 * The owner (before fulfilment starts) or an admin asked to cancel the order.
 *
 * @param orderId the order
 * @param operator username of who asked
 * @param admin whether an admin asked (reason ADMIN instead of USER)
 * @param reason free text
 * @param at epoch millis
 */
public record CancellationRequested(long orderId, String operator, boolean admin, String reason,
		long at) implements OrderEvent {

}
