package dev.surge.api.admin;

import java.util.List;

/**
 * The order state names, in lifecycle order (the consumer's state machine owns them).
 */
final class OrderStates {

	static final List<String> ALL = List.of("ACCEPTED", "PENDING_PAYMENT", "PAID", "AWAITING_FULFILMENT", "FULFILLING",
			"COMPLETED", "REJECTED", "CANCELLED", "FULFILMENT_FAILED", "AFTER_SALE", "REFUNDED");

	static final String REJECTED = "REJECTED";

	private OrderStates() {
	}

}
