package dev.surge.contracts;

/**
 * The (simulated) gateway reported a payment attempt for the order.
 *
 * @param orderId the order
 * @param operator who paid (the customer's username)
 * @param outcome what the gateway answered
 * @param at epoch millis
 */
public record PaymentReported(long orderId, String operator, PaymentOutcome outcome, long at) implements OrderEvent {

}
