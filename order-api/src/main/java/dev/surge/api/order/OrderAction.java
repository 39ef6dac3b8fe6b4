package dev.surge.api.order;

import java.util.Set;

/**
 * What a customer or an admin may ask of an existing order, and in which states the API
 * accepts the request. The consumer re-checks against its transition table, which is
 * authoritative; this check only lets clients hear 409 at once for actions that are
 * clearly illegal.
 */
enum OrderAction {

	/**
	 * ACCEPTED is allowed: the payment is applied after the order on the same partition.
	 */
	PAY(false, "ACCEPTED", "PENDING_PAYMENT"),

	CANCEL(false, "ACCEPTED", "PENDING_PAYMENT", "PAID", "AWAITING_FULFILMENT"),

	ADMIN_CANCEL(true, "ACCEPTED", "PENDING_PAYMENT", "PAID", "AWAITING_FULFILMENT", "FULFILMENT_FAILED"),

	REQUEST_REFUND(false, "COMPLETED"),

	START_FULFILMENT(true, "AWAITING_FULFILMENT", "FULFILMENT_FAILED"),

	COMPLETE_FULFILMENT(true, "FULFILLING"),

	FAIL_FULFILMENT(true, "FULFILLING"),

	DECIDE_REFUND(true, "AFTER_SALE");

	private final boolean adminOnly;

	private final Set<String> from;

	OrderAction(boolean adminOnly, String... from) {
		this.adminOnly = adminOnly;
		this.from = Set.of(from);
	}

	boolean adminOnly() {
		return this.adminOnly;
	}

	boolean allowedFrom(String status) {
		return this.from.contains(status);
	}

}
