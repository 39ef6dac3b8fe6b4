package dev.surge.consumer.order;

/**
 * What can happen to an order: the commands of {@code orders.v1}, the consumer's own
 * decisions (intake, expiry, demo reset) and the automatic step after payment.
 */
enum OrderAction {

	/** Intake: MySQL locked every line. */
	STOCK_LOCKED,

	/** Intake: a line could not be locked or names an unknown product. */
	STOCK_SHORT,

	/** The gateway reported SUCCESS. */
	PAYMENT_SUCCESS,

	/** The gateway reported FAILURE. */
	PAYMENT_FAILURE,

	/** The gateway reported TIMEOUT. */
	PAYMENT_TIMEOUT,

	/** The consumer's expiry job found the payment deadline passed. */
	EXPIRE,

	/** The owner cancelled. */
	CANCEL_BY_USER,

	/** An admin cancelled. */
	CANCEL_BY_ADMIN,

	/** Automatic, right after PAID in the same transaction. */
	AWAIT_FULFILMENT,

	/** An operator started (or restarted) fulfilment. */
	START,

	/** An operator completed fulfilment. */
	COMPLETE,

	/** An operator reported that fulfilment failed. */
	FAIL,

	/** The owner asked for a refund of a completed order. */
	REQUEST_REFUND,

	/** An admin approved the refund: the goods came back. */
	APPROVE_REFUND,

	/** An admin rejected the refund. */
	REJECT_REFUND,

	/** An admin reset the demo catalogue: every open order is cancelled. */
	DEMO_RESET

}
