package dev.surge.contracts;

import org.jspecify.annotations.Nullable;

/**
 * What can happen to an order, and who makes it happen. A customer's or an admin's action
 * is asked for by a {@link UserAction} (several may share one: the gateway's three
 * payment outcomes answer one {@code PAY}, a customer's and an admin's cancellation are
 * both {@code CANCEL}).
 */
public enum OrderAction {

	/** Intake: MySQL locked every line. */
	STOCK_LOCKED(Actor.SYSTEM, null),

	/** Intake: a line could not be locked or names an unknown product. */
	STOCK_SHORT(Actor.SYSTEM, null),

	/** The customer paid; the gateway reported SUCCESS. */
	PAYMENT_SUCCESS(Actor.CUSTOMER, UserAction.PAY),

	/** The customer paid; the gateway reported FAILURE. */
	PAYMENT_FAILURE(Actor.CUSTOMER, UserAction.PAY),

	/** The customer paid; the gateway reported TIMEOUT. */
	PAYMENT_TIMEOUT(Actor.CUSTOMER, UserAction.PAY),

	/** The consumer's expiry job found the payment deadline passed. */
	EXPIRE(Actor.SYSTEM, null),

	/** The owner cancelled. */
	CANCEL_BY_USER(Actor.CUSTOMER, UserAction.CANCEL),

	/** An admin cancelled. */
	CANCEL_BY_ADMIN(Actor.ADMIN, UserAction.CANCEL),

	/** Automatic, right after PAID in the same transaction. */
	AWAIT_FULFILMENT(Actor.SYSTEM, null),

	/** An operator started (or, after a failure, restarted) fulfilment. */
	START(Actor.ADMIN, UserAction.START_FULFILMENT),

	/** An operator completed fulfilment. */
	COMPLETE(Actor.ADMIN, UserAction.COMPLETE_FULFILMENT),

	/** An operator reported that fulfilment failed. */
	FAIL(Actor.ADMIN, UserAction.FAIL_FULFILMENT),

	/** The owner asked for a refund (售后). */
	REQUEST_REFUND(Actor.CUSTOMER, UserAction.REQUEST_REFUND),

	/** An admin approved the refund: the goods came back. */
	APPROVE_REFUND(Actor.ADMIN, UserAction.APPROVE_REFUND),

	/** An admin rejected the refund. */
	REJECT_REFUND(Actor.ADMIN, UserAction.REJECT_REFUND);

	private final Actor actor;

	private final @Nullable UserAction request;

	OrderAction(Actor actor, @Nullable UserAction request) {
		this.actor = actor;
		this.request = request;
	}

	/** Who takes it. */
	public Actor actor() {
		return this.actor;
	}

	/** The request that takes it; {@code null} for the system's own actions. */
	public @Nullable UserAction request() {
		return this.request;
	}

}
