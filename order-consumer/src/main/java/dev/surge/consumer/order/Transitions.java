package dev.surge.consumer.order;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.surge.consumer.stock.StockMovement;
import org.jspecify.annotations.Nullable;

import static dev.surge.consumer.order.OrderAction.APPROVE_REFUND;
import static dev.surge.consumer.order.OrderAction.AWAIT_FULFILMENT;
import static dev.surge.consumer.order.OrderAction.CANCEL_BY_ADMIN;
import static dev.surge.consumer.order.OrderAction.CANCEL_BY_USER;
import static dev.surge.consumer.order.OrderAction.COMPLETE;
import static dev.surge.consumer.order.OrderAction.DEMO_RESET;
import static dev.surge.consumer.order.OrderAction.EXPIRE;
import static dev.surge.consumer.order.OrderAction.FAIL;
import static dev.surge.consumer.order.OrderAction.PAYMENT_FAILURE;
import static dev.surge.consumer.order.OrderAction.PAYMENT_SUCCESS;
import static dev.surge.consumer.order.OrderAction.PAYMENT_TIMEOUT;
import static dev.surge.consumer.order.OrderAction.REJECT_REFUND;
import static dev.surge.consumer.order.OrderAction.REQUEST_REFUND;
import static dev.surge.consumer.order.OrderAction.START;
import static dev.surge.consumer.order.OrderAction.STOCK_LOCKED;
import static dev.surge.consumer.order.OrderAction.STOCK_SHORT;
import static dev.surge.consumer.order.OrderStatus.ACCEPTED;
import static dev.surge.consumer.order.OrderStatus.AFTER_SALE;
import static dev.surge.consumer.order.OrderStatus.AWAITING_FULFILMENT;
import static dev.surge.consumer.order.OrderStatus.CANCELLED;
import static dev.surge.consumer.order.OrderStatus.COMPLETED;
import static dev.surge.consumer.order.OrderStatus.FULFILLING;
import static dev.surge.consumer.order.OrderStatus.FULFILMENT_FAILED;
import static dev.surge.consumer.order.OrderStatus.PAID;
import static dev.surge.consumer.order.OrderStatus.PENDING_PAYMENT;
import static dev.surge.consumer.order.OrderStatus.REFUNDED;
import static dev.surge.consumer.order.OrderStatus.REJECTED;
import static dev.surge.consumer.stock.StockMovement.NONE;
import static dev.surge.consumer.stock.StockMovement.PAY_CONFIRM;
import static dev.surge.consumer.stock.StockMovement.PRELOCK;
import static dev.surge.consumer.stock.StockMovement.REFUND_RETURN;
import static dev.surge.consumer.stock.StockMovement.RELEASE;

/**
 * The order state machine: the one table of (state, action) → target state, stock
 * movement and reason code. Anything not in the table is illegal and ignored. Pure, so it
 * is tested exhaustively.
 * <p>
 * Units go back to sale at most once per order: RELEASE only leaves PENDING_PAYMENT,
 * which is never entered again, and REFUND_RETURN only ends in a final state (CANCELLED
 * or REFUNDED).
 */
final class Transitions {

	static final String USER = "USER";

	static final String ADMIN = "ADMIN";

	static final String PAYMENT_FAILED = "PAYMENT_FAILED";

	static final String PAYMENT_TIMED_OUT = "PAYMENT_TIMEOUT";

	private static final Map<OrderStatus, Map<OrderAction, Transition>> TABLE = new EnumMap<>(OrderStatus.class);

	static {
		// intake (OrderIntake writes these two directly, in bulk)
		add(ACCEPTED, STOCK_LOCKED, PENDING_PAYMENT, PRELOCK, null);
		add(ACCEPTED, STOCK_SHORT, REJECTED, NONE, null);
		// payment
		add(PENDING_PAYMENT, PAYMENT_SUCCESS, PAID, PAY_CONFIRM, null);
		add(PAID, AWAIT_FULFILMENT, AWAITING_FULFILMENT, NONE, null);
		add(PENDING_PAYMENT, PAYMENT_FAILURE, CANCELLED, RELEASE, PAYMENT_FAILED);
		add(PENDING_PAYMENT, PAYMENT_TIMEOUT, CANCELLED, RELEASE, PAYMENT_TIMED_OUT);
		add(PENDING_PAYMENT, EXPIRE, CANCELLED, RELEASE, PAYMENT_TIMED_OUT);
		// cancellation
		add(PENDING_PAYMENT, CANCEL_BY_USER, CANCELLED, RELEASE, USER);
		add(PENDING_PAYMENT, CANCEL_BY_ADMIN, CANCELLED, RELEASE, ADMIN);
		add(AWAITING_FULFILMENT, CANCEL_BY_USER, CANCELLED, REFUND_RETURN, USER);
		add(AWAITING_FULFILMENT, CANCEL_BY_ADMIN, CANCELLED, REFUND_RETURN, ADMIN);
		add(FULFILMENT_FAILED, CANCEL_BY_ADMIN, CANCELLED, REFUND_RETURN, ADMIN);
		// fulfilment
		add(AWAITING_FULFILMENT, START, FULFILLING, NONE, null);
		add(FULFILLING, COMPLETE, COMPLETED, NONE, null);
		add(FULFILLING, FAIL, FULFILMENT_FAILED, NONE, null);
		add(FULFILMENT_FAILED, START, FULFILLING, NONE, null);
		// after-sale
		add(COMPLETED, REQUEST_REFUND, AFTER_SALE, NONE, null);
		add(AFTER_SALE, APPROVE_REFUND, REFUNDED, REFUND_RETURN, null);
		add(AFTER_SALE, REJECT_REFUND, COMPLETED, NONE, null);
		// demo reset: every open order is cancelled, its units go back to sale
		add(PENDING_PAYMENT, DEMO_RESET, CANCELLED, RELEASE, ADMIN);
		add(AWAITING_FULFILMENT, DEMO_RESET, CANCELLED, REFUND_RETURN, ADMIN);
		add(FULFILLING, DEMO_RESET, CANCELLED, REFUND_RETURN, ADMIN);
		add(FULFILMENT_FAILED, DEMO_RESET, CANCELLED, REFUND_RETURN, ADMIN);
		add(AFTER_SALE, DEMO_RESET, CANCELLED, REFUND_RETURN, ADMIN);
	}

	/** States the consumer leaves at once, with the action it takes. */
	private static final Map<OrderStatus, OrderAction> AUTOMATIC = Map.of(PAID, AWAIT_FULFILMENT);

	private Transitions() {
	}

	/** The transition of the table, if the action is legal in that state. */
	static Optional<Transition> of(OrderStatus from, OrderAction action) {
		return Optional.ofNullable(TABLE.getOrDefault(from, Map.of()).get(action));
	}

	/**
	 * The transitions an action makes from a state, followed by the automatic ones (PAID
	 * → AWAITING_FULFILMENT); empty if the action is illegal there.
	 */
	static List<Transition> steps(OrderStatus from, OrderAction action) {
		Optional<Transition> first = of(from, action);
		if (first.isEmpty()) {
			return List.of();
		}
		List<Transition> steps = new ArrayList<>(List.of(first.get()));
		OrderAction automatic;
		while ((automatic = AUTOMATIC.get(steps.getLast().to())) != null) {
			steps.add(of(steps.getLast().to(), automatic).orElseThrow());
		}
		return Collections.unmodifiableList(steps);
	}

	/** Every transition of the table. */
	static List<Transition> all() {
		return TABLE.values().stream().flatMap((row) -> row.values().stream()).toList();
	}

	private static void add(OrderStatus from, OrderAction action, OrderStatus to, StockMovement movement,
			@Nullable String reason) {
		TABLE.computeIfAbsent(from, (key) -> new EnumMap<>(OrderAction.class))
			.put(action, new Transition(from, action, to, movement, reason));
	}

	/**
	 * One row of the table.
	 *
	 * @param from the state the order must be in
	 * @param action what happened
	 * @param to the state it reaches
	 * @param movement how its units move
	 * @param reasonCode the stable reason kept in {@code orders.status_reason}, or
	 * {@code null} to keep the operator's free text
	 */
	record Transition(OrderStatus from, OrderAction action, OrderStatus to, StockMovement movement,
			@Nullable String reasonCode) {

	}

}
