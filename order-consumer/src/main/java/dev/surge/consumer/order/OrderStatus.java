package dev.surge.consumer.order;

/**
 * The states an order reaches in this consumer so far.
 */
enum OrderStatus {

	/** Reserved in Redis by the API, not yet in MySQL. */
	ACCEPTED,

	/** Stock locked in MySQL, waiting for payment until {@code expires_at}. */
	PENDING_PAYMENT,

	/** MySQL could not lock the stock (or the product is unknown). */
	REJECTED

}
