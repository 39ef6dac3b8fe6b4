package dev.surge.contracts;

/**
 * Who takes an action on an order.
 */
public enum Actor {

	/** The order's owner, through the shop. */
	CUSTOMER,

	/** An operator, through the admin pages. */
	ADMIN,

	/**
	 * The services themselves: intake, the payment gateway's report, expiry.
	 */
	SYSTEM

}
