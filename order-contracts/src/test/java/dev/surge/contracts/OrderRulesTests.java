package dev.surge.contracts;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.surge.contracts.OrderRules.Transition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
import static org.assertj.core.api.Assertions.assertThat;

class OrderRulesTests {

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
			new Transition(FULFILMENT_FAILED, CANCEL_BY_USER, CANCELLED, REFUND_RETURN, "USER"),
			new Transition(FULFILMENT_FAILED, CANCEL_BY_ADMIN, CANCELLED, REFUND_RETURN, "ADMIN"),
			new Transition(AWAITING_FULFILMENT, START, FULFILLING, NONE, null),
			new Transition(FULFILLING, COMPLETE, COMPLETED, NONE, null),
			new Transition(FULFILLING, FAIL, FULFILMENT_FAILED, NONE, null),
			new Transition(FULFILMENT_FAILED, START, FULFILLING, NONE, null),
			new Transition(COMPLETED, REQUEST_REFUND, AFTER_SALE, NONE, null),
			new Transition(AFTER_SALE, APPROVE_REFUND, REFUNDED, REFUND_RETURN, null),
			new Transition(AFTER_SALE, REJECT_REFUND, COMPLETED, NONE, null));

	@Test
	void theTableHoldsExactlyTheLegalTransitions() {
		assertThat(OrderRules.all()).containsExactlyInAnyOrderElementsOf(EXPECTED);
	}

	@Test
	void everyPairOutsideTheTableIsIllegal() {
		Set<String> legal = EXPECTED.stream().map((t) -> t.from() + "/" + t.action()).collect(Collectors.toSet());
		int illegal = 0;
		for (OrderStatus from : OrderStatus.values()) {
			for (OrderAction action : OrderAction.values()) {
				if (!legal.contains(from + "/" + action)) {
					assertThat(OrderRules.of(from, action)).as(from + " " + action).isEmpty();
					assertThat(OrderRules.steps(from, action)).as(from + " " + action).isEmpty();
					illegal++;
				}
			}
		}
		assertThat(illegal).isEqualTo(OrderStatus.values().length * OrderAction.values().length - EXPECTED.size());
	}

	@Test
	void paymentSuccessMovesOnToAwaitingFulfilmentInTheSameStep() {
		assertThat(OrderRules.steps(PENDING_PAYMENT, PAYMENT_SUCCESS)).containsExactly(
				new Transition(PENDING_PAYMENT, PAYMENT_SUCCESS, PAID, PAY_CONFIRM, null),
				new Transition(PAID, AWAIT_FULFILMENT, AWAITING_FULFILMENT, NONE, null));
	}

	@Test
	void payingTwiceIsIgnored() {
		for (OrderStatus paid : List.of(PAID, AWAITING_FULFILMENT, FULFILLING, COMPLETED, CANCELLED, REFUNDED)) {
			assertThat(OrderRules.steps(paid, PAYMENT_SUCCESS)).as(paid.name()).isEmpty();
		}
	}

	@ParameterizedTest(name = "{1} in {0}")
	@CsvSource(delimiter = '|', textBlock = """
			CANCELLED           | CANCEL_BY_ADMIN
			CANCELLED           | PAYMENT_SUCCESS
			FULFILLING          | CANCEL_BY_USER
			FULFILLING          | CANCEL_BY_ADMIN
			PENDING_PAYMENT     | START
			AWAITING_FULFILMENT | COMPLETE
			AWAITING_FULFILMENT | EXPIRE
			PENDING_PAYMENT     | REQUEST_REFUND
			AFTER_SALE          | REQUEST_REFUND
			REFUNDED            | REQUEST_REFUND
			COMPLETED           | APPROVE_REFUND
			REJECTED            | CANCEL_BY_ADMIN
			""")
	void rejectsSampleIllegalCommands(OrderStatus state, OrderAction action) {
		assertThat(OrderRules.of(state, action)).isEmpty();
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
		assertThat(paths).isGreaterThan(40);
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
			List<Transition> steps = OrderRules.steps(status, action);
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

	/** What the API lists in an order's {@code actions}, per state and caller. */
	@Test
	void eachCallerIsOfferedExactlyTheRequestsTheTableAccepts() {
		Map<OrderStatus, List<UserAction>> customer = new EnumMap<>(OrderStatus.class);
		Map<OrderStatus, List<UserAction>> admin = new EnumMap<>(OrderStatus.class);
		for (OrderStatus status : OrderStatus.values()) {
			customer.put(status, OrderRules.requests(status, Actor.CUSTOMER));
			admin.put(status, OrderRules.requests(status, Actor.ADMIN));
		}
		assertThat(customer).containsEntry(ACCEPTED, List.of(UserAction.PAY, UserAction.CANCEL))
			.containsEntry(PENDING_PAYMENT, List.of(UserAction.PAY, UserAction.CANCEL))
			.containsEntry(PAID, List.of(UserAction.CANCEL))
			.containsEntry(AWAITING_FULFILMENT, List.of(UserAction.CANCEL))
			.containsEntry(FULFILLING, List.of())
			.containsEntry(FULFILMENT_FAILED, List.of(UserAction.CANCEL))
			.containsEntry(COMPLETED, List.of(UserAction.REQUEST_REFUND))
			.containsEntry(AFTER_SALE, List.of())
			.containsEntry(REJECTED, List.of())
			.containsEntry(CANCELLED, List.of())
			.containsEntry(REFUNDED, List.of());
		assertThat(admin).containsEntry(ACCEPTED, List.of(UserAction.CANCEL))
			.containsEntry(PENDING_PAYMENT, List.of(UserAction.CANCEL))
			.containsEntry(AWAITING_FULFILMENT, List.of(UserAction.CANCEL, UserAction.START_FULFILMENT))
			.containsEntry(FULFILLING, List.of(UserAction.COMPLETE_FULFILMENT, UserAction.FAIL_FULFILMENT))
			.containsEntry(FULFILMENT_FAILED, List.of(UserAction.CANCEL, UserAction.START_FULFILMENT))
			.containsEntry(COMPLETED, List.of())
			.containsEntry(AFTER_SALE, List.of(UserAction.APPROVE_REFUND, UserAction.REJECT_REFUND))
			.containsEntry(CANCELLED, List.of());
	}

	@Test
	void aRequestIsAllowedExactlyWhenItIsOffered() {
		for (OrderStatus status : OrderStatus.values()) {
			for (OrderAction action : OrderAction.values()) {
				boolean offered = action.request() != null
						&& OrderRules.requests(status, action.actor()).contains(action.request());
				if (action.actor() != Actor.SYSTEM) {
					assertThat(OrderRules.allows(status, action)).as(status + " " + action).isEqualTo(offered);
				}
			}
		}
	}

	@Test
	void requestsWaitBehindIntakeAndThePaymentStep() {
		assertThat(OrderRules.settled(ACCEPTED)).isEqualTo(PENDING_PAYMENT);
		assertThat(OrderRules.settled(PAID)).isEqualTo(AWAITING_FULFILMENT);
		assertThat(OrderRules.settled(FULFILLING)).isEqualTo(FULFILLING);
	}

	@Test
	void everyCommandEventNamesItsAction() {
		assertThat(OrderRules.actionOf(new PaymentReported(7, "ann", PaymentOutcome.SUCCESS, 1)))
			.contains(PAYMENT_SUCCESS);
		assertThat(OrderRules.actionOf(new PaymentReported(7, "ann", PaymentOutcome.FAILURE, 1)))
			.contains(PAYMENT_FAILURE);
		assertThat(OrderRules.actionOf(new PaymentReported(7, "ann", PaymentOutcome.TIMEOUT, 1)))
			.contains(PAYMENT_TIMEOUT);
		assertThat(OrderRules.actionOf(new CancellationRequested(7, "ann", false, "no", 1))).contains(CANCEL_BY_USER);
		assertThat(OrderRules.actionOf(new CancellationRequested(7, "root", true, "no", 1))).contains(CANCEL_BY_ADMIN);
		assertThat(OrderRules.actionOf(new RefundRequested(7, "ann", "broken", 1))).contains(REQUEST_REFUND);
		assertThat(OrderRules.actionOf(new RefundDecided(7, true, "root", "ok", 1))).contains(APPROVE_REFUND);
		assertThat(OrderRules.actionOf(new RefundDecided(7, false, "root", "no", 1))).contains(REJECT_REFUND);
		assertThat(OrderRules.actionOf(new FulfilmentUpdated(7, FulfilmentAction.START, "root", "go", 1)))
			.contains(START);
		assertThat(OrderRules.actionOf(new FulfilmentUpdated(7, FulfilmentAction.COMPLETE, "root", "done", 1)))
			.contains(COMPLETE);
		assertThat(OrderRules.actionOf(new FulfilmentUpdated(7, FulfilmentAction.FAIL, "root", "lost", 1)))
			.contains(FAIL);
	}

	private record Columns(long available, long locked, long sold) {

		Columns move(StockMovement movement, long units) {
			return new Columns(this.available + movement.available() * units, this.locked + movement.locked() * units,
					this.sold + movement.sold() * units);
		}

	}

}
