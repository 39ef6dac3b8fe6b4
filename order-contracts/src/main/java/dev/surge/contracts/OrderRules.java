package dev.surge.contracts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.LinkedHashSet;

import org.jspecify.annotations.Nullable;

import static dev.surge.contracts.OrderAction.APPROVE_REFUND;
import static dev.surge.contracts.OrderAction.AWAIT_FULFILMENT;
import static dev.surge.contracts.OrderAction.CANCEL_BY_ADMIN;
import static dev.surge.contracts.OrderAction.CANCEL_BY_USER;
import static dev.surge.contracts.OrderAction.COMPLETE;
import static dev.surge.contracts.OrderAction.EXPIRE;
import static dev.surge.contracts.OrderAction.FAIL;
import static dev.surge.contracts.OrderAction.PAYMENT_FAILURE;
import static dev.surge.contracts.OrderAction.PAYMENT_SUCCESS;
import static dev.surge.contracts.OrderAction.PAYMENT_TIMEOUT;
import static dev.surge.contracts.OrderAction.REJECT_REFUND;
import static dev.surge.contracts.OrderAction.REQUEST_REFUND;
import static dev.surge.contracts.OrderAction.START;
import static dev.surge.contracts.OrderAction.STOCK_LOCKED;
import static dev.surge.contracts.OrderAction.STOCK_SHORT;
import static dev.surge.contracts.OrderStatus.ACCEPTED;
import static dev.surge.contracts.OrderStatus.AFTER_SALE;
import static dev.surge.contracts.OrderStatus.AWAITING_FULFILMENT;
import static dev.surge.contracts.OrderStatus.CANCELLED;
import static dev.surge.contracts.OrderStatus.COMPLETED;
import static dev.surge.contracts.OrderStatus.FULFILLING;
import static dev.surge.contracts.OrderStatus.FULFILMENT_FAILED;
import static dev.surge.contracts.OrderStatus.PAID;
import static dev.surge.contracts.OrderStatus.PENDING_PAYMENT;
import static dev.surge.contracts.OrderStatus.REFUNDED;
import static dev.surge.contracts.OrderStatus.REJECTED;
import static dev.surge.contracts.StockMovement.NONE;
import static dev.surge.contracts.StockMovement.PAY_CONFIRM;
import static dev.surge.contracts.StockMovement.PRELOCK;
import static dev.surge.contracts.StockMovement.REFUND_RETURN;
import static dev.surge.contracts.StockMovement.RELEASE;

/**
 * The order state machine, the one owner of an order's rules: the table of (state,
 * action) → target state, stock movement and reason code, and through
 * {@link OrderAction#actor()} who may take each action. Anything not in the table is
 * illegal. The consumer applies it (at intake too); the API asks it which requests an
 * order allows its caller now ({@link #requests}) and refuses the others. Pure, so it is
 * tested exhaustively.
 * <p>
 * Units go back to sale at most once per order: RELEASE only leaves PENDING_PAYMENT,
 * which is never entered again, and REFUND_RETURN only ends in a final state (CANCELLED
 * or REFUNDED).
 * <p>
 * After-sale (售后): before shipping a paid order is cancelled (refunded, its units back to
 * sale), also by its owner when fulfilment failed; once completed its owner may ask for a
 * refund (AFTER_SALE), which an admin approves (the goods come back: REFUNDED) or rejects
 * (COMPLETED again).
 */
public final class OrderRules {

	public static final String USER = "USER";

	public static final String ADMIN = "ADMIN";

	public static final String PAYMENT_FAILED = "PAYMENT_FAILED";

	public static final String PAYMENT_TIMED_OUT = "PAYMENT_TIMEOUT";

	private static final Map<OrderStatus, Map<OrderAction, Transition>> TABLE = new EnumMap<>(OrderStatus.class);

	static {
		// intake
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
		add(FULFILMENT_FAILED, CANCEL_BY_USER, CANCELLED, REFUND_RETURN, USER);
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
	}

	/** States the consumer leaves at once, with the action it takes. */
	private static final Map<OrderStatus, OrderAction> AUTOMATIC = Map.of(PAID, AWAIT_FULFILMENT);

	private OrderRules() {
	}

	/** The transition of the table, if the action is legal in that state. */
	public static Optional<Transition> of(OrderStatus from, OrderAction action) {
		return Optional.ofNullable(TABLE.getOrDefault(from, Map.of()).get(action));
	}

	/**
	 * The transitions an action makes from a state, followed by the automatic ones (PAID
	 * → AWAITING_FULFILMENT); empty if the action is illegal there.
	 */
	public static List<Transition> steps(OrderStatus from, OrderAction action) {
		Optional<Transition> first = of(from, action);
		if (first.isEmpty()) {
			return List.of();
		}
		List<Transition> steps = new ArrayList<>(List.of(first.get()));
		steps.addAll(automaticFrom(first.get().to()));
		return Collections.unmodifiableList(steps);
	}

	/** Every transition of the table. */
	public static List<Transition> all() {
		return TABLE.values().stream().flatMap((row) -> row.values().stream()).toList();
	}

	/**
	 * The state a request about an order in {@code status} will meet in the consumer:
	 * requests wait behind the order on its Kafka partition, so an ACCEPTED order is
	 * judged as intake leaves it (PENDING_PAYMENT; if intake rejects it the request is
	 * void), and PAID, left at once, as AWAITING_FULFILMENT.
	 */
	public static OrderStatus settled(OrderStatus status) {
		OrderStatus settled = (status == ACCEPTED) ? PENDING_PAYMENT : status;
		List<Transition> automatic = automaticFrom(settled);
		return automatic.isEmpty() ? settled : automatic.getLast().to();
	}

	/** The automatic transitions the consumer makes from a state, in order. */
	private static List<Transition> automaticFrom(OrderStatus status) {
		List<Transition> steps = new ArrayList<>();
		OrderStatus at = status;
		OrderAction automatic;
		while ((automatic = AUTOMATIC.get(at)) != null) {
			steps.add(of(at, automatic).orElseThrow());
			at = steps.getLast().to();
		}
		return steps;
	}

	/**
	 * Whether the API may accept a request for {@code action} on an order in
	 * {@code status}.
	 */
	public static boolean allows(OrderStatus status, OrderAction action) {
		return of(settled(status), action).isPresent();
	}

	/**
	 * The requests that {@code actor} may make now on an order in {@code status}, in the
	 * order of {@link OrderAction}: an order's {@code actions}.
	 */
	public static List<UserAction> requests(OrderStatus status, Actor actor) {
		Set<UserAction> requests = new LinkedHashSet<>();
		TABLE.getOrDefault(settled(status), Map.of()).keySet().forEach((action) -> {
			UserAction request = action.request();
			if (action.actor() == actor && request != null) {
				requests.add(request);
			}
		});
		return List.copyOf(requests);
	}

	/**
	 * The action a command event asks for ({@code empty} for intake's and the system's
	 * events).
	 */
	public static Optional<OrderAction> actionOf(OrderEvent event) {
		return Optional.ofNullable(switch (event) {
			case PaymentReported payment -> switch (payment.outcome()) {
				case SUCCESS -> PAYMENT_SUCCESS;
				case FAILURE -> PAYMENT_FAILURE;
				case TIMEOUT -> PAYMENT_TIMEOUT;
			};
			case CancellationRequested cancel -> cancel.admin() ? CANCEL_BY_ADMIN : CANCEL_BY_USER;
			case RefundRequested refund -> REQUEST_REFUND;
			case RefundDecided decided -> decided.approved() ? APPROVE_REFUND : REJECT_REFUND;
			case FulfilmentUpdated fulfilment -> switch (fulfilment.action()) {
				case START -> START;
				case COMPLETE -> COMPLETE;
				case FAIL -> FAIL;
			};
			default -> null;
		});
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
	public record Transition(OrderStatus from, OrderAction action, OrderStatus to, StockMovement movement,
			@Nullable String reasonCode) {

	}

}
