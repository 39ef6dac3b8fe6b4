package dev.surge.contracts;

/**
 * What a customer or an admin may ask of an order through the API: the names an order's
 * {@code actions} lists. {@link OrderRules#requests} says which ones an order allows its
 * caller now.
 */
public enum UserAction {

	/** The customer pays (the simulated gateway answers SUCCESS, FAILURE or TIMEOUT). */
	PAY,

	/** The customer or an admin cancels; a paid order is refunded, its units go back. */
	CANCEL,

	/** The customer asks for a refund of a completed order (售后). */
	REQUEST_REFUND,

	/** An admin starts fulfilment, or starts it again after it failed. */
	START_FULFILMENT,

	/** An admin reports fulfilment complete. */
	COMPLETE_FULFILMENT,

	/** An admin reports that fulfilment failed. */
	FAIL_FULFILMENT,

	/** An admin approves a refund: the goods came back. */
	APPROVE_REFUND,

	/** An admin rejects a refund. */
	REJECT_REFUND

}
