package dev.surge.contracts;

import java.util.EnumSet;
import java.util.Set;

/**
 * The states of an order. {@link OrderRules} says how an order moves between them and who
 * may move it.
 */
public enum OrderStatus {

	/** Reserved in Redis by the API, not yet in MySQL. */
	ACCEPTED,

	/** Stock locked in MySQL, waiting for payment until {@code expires_at}. */
	PENDING_PAYMENT,

	/** Paid: stock sold. Passed through in the payment's transaction. */
	PAID,

	/** Paid and waiting for an operator to start fulfilment (待履约/待发货). */
	AWAITING_FULFILMENT,

	/** Fulfilment started (履约中/已发货). */
	FULFILLING,

	/** Fulfilled (已完成). */
	COMPLETED,

	/** MySQL could not lock the stock (or the product is unknown). */
	REJECTED,

	/** Cancelled by the owner, an admin, a failed payment or the payment timeout. */
	CANCELLED,

	/** Fulfilment failed; may be started again or cancelled with a refund. */
	FULFILMENT_FAILED,

	/** The owner asked for a refund of a completed order (售后中). */
	AFTER_SALE,

	/** The refund was approved and the goods came back. */
	REFUNDED;

	/**
	 * States that still hold stock (locked or sold-but-returnable) or may still move it:
	 * a product they reference must not be deleted.
	 */
	public static final Set<OrderStatus> OPEN = EnumSet.of(ACCEPTED, PENDING_PAYMENT, PAID, AWAITING_FULFILMENT,
			FULFILLING, FULFILMENT_FAILED, AFTER_SALE);

}
