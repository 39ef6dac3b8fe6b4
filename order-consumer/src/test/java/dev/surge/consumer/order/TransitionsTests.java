package dev.surge.consumer.order;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.surge.consumer.order.Transitions.Transition;
import dev.surge.consumer.stock.StockMovement;
import org.junit.jupiter.api.Test;

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
import static org.assertj.core.api.Assertions.assertThat;

class TransitionsTests {

	/** The whole table, written out once more: a change to it must change this test. */
	private static final List<Transition> EXPECTED = List.of(
			new Transition(ACCEPTED, STOCK_LOCKED, PENDING_PAYMENT, PRELOCK, null),
			new Transition(ACCEPTED, STOCK_SHORT, REJECTED, NONE, null),
			new Transition(PENDING_PAYMENT, PAYMENT_SUCCESS, PAID, PAY_CONFIRM, null),
			new Transition(PAID, AWAIT_FULFILMENT, AWAITING_FULFILMENT, NONE, null),
			new Transition(PENDING_PAYMENT, PAYMENT_FAILURE, CANCELLED, RELEASE, "PAYMENT_FAILED"),
			new Transition(PENDING_PAYMENT, PAYMENT_TIMEOUT, CANCELLED, RELEASE, "PAYMENT_TIMEOUT"),
			new Transition(PENDING_PAYMENT, EXPIRE, CANCELLED, RELEASE, "PAYMENT_TIMEOUT"),
			new Transition(PENDING_PAYMENT, CANCEL_BY_USER, CANCELLED, RELEASE, "USER"),
			new Transition(PENDING_PAYMENT, CANCEL_BY_ADMIN, CANCELLED, RELEASE, "ADMIN"),
			new Transition(AWAITING_FULFILMENT, CANCEL_BY_USER, CANCELLED, REFUND_RETURN, "USER"),
			new Transition(AWAITING_FULFILMENT, CANCEL_BY_ADMIN, CANCELLED, REFUND_RETURN, "ADMIN"),
			new Transition(FULFILMENT_FAILED, CANCEL_BY_ADMIN, CANCELLED, REFUND_RETURN, "ADMIN"),
			new Transition(AWAITING_FULFILMENT, START, FULFILLING, NONE, null),
			new Transition(FULFILLING, COMPLETE, COMPLETED, NONE, null),
			new Transition(FULFILLING, FAIL, FULFILMENT_FAILED, NONE, null),
			new Transition(FULFILMENT_FAILED, START, FULFILLING, NONE, null),
			new Transition(COMPLETED, REQUEST_REFUND, AFTER_SALE, NONE, null),
			new Transition(AFTER_SALE, APPROVE_REFUND, REFUNDED, REFUND_RETURN, null),
			new Transition(AFTER_SALE, REJECT_REFUND, COMPLETED, NONE, null),
			new Transition(PENDING_PAYMENT, DEMO_RESET, CANCELLED, RELEASE, "ADMIN"),
			new Transition(AWAITING_FULFILMENT, DEMO_RESET, CANCELLED, REFUND_RETURN, "ADMIN"),
			new Transition(FULFILLING, DEMO_RESET, CANCELLED, REFUND_RETURN, "ADMIN"),
			new Transition(FULFILMENT_FAILED, DEMO_RESET, CANCELLED, REFUND_RETURN, "ADMIN"),
			new Transition(AFTER_SALE, DEMO_RESET, CANCELLED, REFUND_RETURN, "ADMIN"));

	@Test
	void theTableHoldsExactlyTheLegalTransitions() {
		assertThat(Transitions.all()).containsExactlyInAnyOrderElementsOf(EXPECTED);
	}

	@Test
	void everyPairOutsideTheTableIsIllegal() {
		Set<String> legal = EXPECTED.stream().map((t) -> t.from() + "/" + t.action()).collect(Collectors.toSet());
		int illegal = 0;
		for (OrderStatus from : OrderStatus.values()) {
			for (OrderAction action : OrderAction.values()) {
				if (!legal.contains(from + "/" + action)) {
					assertThat(Transitions.of(from, action)).as(from + " " + action).isEmpty();
					assertThat(Transitions.steps(from, action)).as(from + " " + action).isEmpty();
					illegal++;
				}
			}
		}
		assertThat(illegal).isEqualTo(OrderStatus.values().length * OrderAction.values().length - EXPECTED.size());
	}

	@Test
	void paymentSuccessMovesOnToAwaitingFulfilmentInTheSameStep() {
		assertThat(Transitions.steps(PENDING_PAYMENT, PAYMENT_SUCCESS)).containsExactly(
				new Transition(PENDING_PAYMENT, PAYMENT_SUCCESS, PAID, PAY_CONFIRM, null),
				new Transition(PAID, AWAIT_FULFILMENT, AWAITING_FULFILMENT, NONE, null));
	}

	@Test
	void payingTwiceIsIgnored() {
		for (OrderStatus paid : List.of(PAID, AWAITING_FULFILMENT, FULFILLING, COMPLETED, CANCELLED, REFUNDED)) {
			assertThat(Transitions.steps(paid, PAYMENT_SUCCESS)).as(paid.name()).isEmpty();
		}
	}

	@Test
	void rejectsSampleIllegalCommands() {
		assertThat(Transitions.of(CANCELLED, CANCEL_BY_ADMIN)).isEmpty();
		assertThat(Transitions.of(CANCELLED, PAYMENT_SUCCESS)).isEmpty();
		assertThat(Transitions.of(FULFILLING, CANCEL_BY_USER)).isEmpty();
		assertThat(Transitions.of(FULFILLING, CANCEL_BY_ADMIN)).isEmpty();
		assertThat(Transitions.of(FULFILMENT_FAILED, CANCEL_BY_USER)).isEmpty();
		assertThat(Transitions.of(PENDING_PAYMENT, START)).isEmpty();
		assertThat(Transitions.of(AWAITING_FULFILMENT, COMPLETE)).isEmpty();
		assertThat(Transitions.of(AWAITING_FULFILMENT, EXPIRE)).isEmpty();
		assertThat(Transitions.of(PENDING_PAYMENT, REQUEST_REFUND)).isEmpty();
		assertThat(Transitions.of(AFTER_SALE, REQUEST_REFUND)).isEmpty();
		assertThat(Transitions.of(REFUNDED, REQUEST_REFUND)).isEmpty();
		assertThat(Transitions.of(COMPLETED, APPROVE_REFUND)).isEmpty();
		assertThat(Transitions.of(REJECTED, CANCEL_BY_ADMIN)).isEmpty();
		assertThat(Transitions.of(COMPLETED, DEMO_RESET)).isEmpty();
	}

	/**
	 * Walks every sequence of up to 10 actions from a freshly accepted order of 3 units,
	 * applying the stock movement of each step to the columns: no column ever goes
	 * negative, the units are always in exactly one column, units go back to sale at most
	 * once, and a final state holds them where it should.
	 */
	@Test
	void everyPathMovesTheUnitsConsistentlyAndReturnsThemAtMostOnce() {
		int paths = walk(ACCEPTED, new Columns(3, 0, 0), 0, 10);
		assertThat(paths).isGreaterThan(50);
		assertThat(this.reached).containsExactlyInAnyOrder(OrderStatus.values());
	}

	private final Set<OrderStatus> reached = EnumSet.noneOf(OrderStatus.class);

	private int walk(OrderStatus status, Columns columns, int returns, int depth) {
		this.reached.add(status);
		assertThat(columns.available() + columns.locked() + columns.sold()).isEqualTo(3);
		assertThat(columns.available()).isNotNegative();
		assertThat(columns.locked()).isNotNegative();
		assertThat(columns.sold()).isNotNegative();
		assertThat(returns).isLessThanOrEqualTo(1);
		assertHeldWhereTheStateSays(status, columns);
		if (depth == 0) {
			return 1;
		}
		int paths = 1;
		for (OrderAction action : OrderAction.values()) {
			List<Transition> steps = Transitions.steps(status, action);
			if (steps.isEmpty() || action == AWAIT_FULFILMENT) {
				continue;
			}
			Columns next = columns;
			int nextReturns = returns;
			for (Transition step : steps) {
				this.reached.add(step.to());
				next = next.move(step.movement(), 3);
				nextReturns += step.movement().returnsToSale() ? 1 : 0;
			}
			paths += walk(steps.getLast().to(), next, nextReturns, depth - 1);
		}
		return paths;
	}

	private static void assertHeldWhereTheStateSays(OrderStatus status, Columns columns) {
		Map<OrderStatus, Columns> expected = new EnumMap<>(OrderStatus.class);
		expected.put(ACCEPTED, new Columns(3, 0, 0)); // MySQL has not taken them yet
		expected.put(REJECTED, new Columns(3, 0, 0));
		expected.put(PENDING_PAYMENT, new Columns(0, 3, 0));
		expected.put(AWAITING_FULFILMENT, new Columns(0, 0, 3));
		expected.put(FULFILLING, new Columns(0, 0, 3));
		expected.put(FULFILMENT_FAILED, new Columns(0, 0, 3));
		expected.put(COMPLETED, new Columns(0, 0, 3));
		expected.put(AFTER_SALE, new Columns(0, 0, 3));
		expected.put(CANCELLED, new Columns(3, 0, 0));
		expected.put(REFUNDED, new Columns(3, 0, 0));
		assertThat(columns).as(status.name()).isEqualTo(expected.get(status));
	}

	@Test
	void everyOpenStateCanBeCancelledByADemoReset() {
		List<OrderStatus> stuck = new ArrayList<>();
		for (OrderStatus open : OrderStatus.OPEN) {
			if (open != ACCEPTED && open != PAID && Transitions.of(open, DEMO_RESET).isEmpty()) {
				stuck.add(open);
			}
		}
		assertThat(stuck).isEmpty();
	}

	private record Columns(long available, long locked, long sold) {

		Columns move(StockMovement movement, long units) {
			return new Columns(this.available + movement.available() * units, this.locked + movement.locked() * units,
					this.sold + movement.sold() * units);
		}

	}

}
