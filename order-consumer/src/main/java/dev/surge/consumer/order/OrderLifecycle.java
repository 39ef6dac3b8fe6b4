package dev.surge.consumer.order;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import dev.surge.consumer.order.Orders.Current;
import dev.surge.consumer.stock.PendingReturn;
import dev.surge.consumer.stock.Stock;
import dev.surge.consumer.stock.Stock.Line;
import dev.surge.consumer.stock.StockReturns;
import dev.surge.consumer.system.Transactions;
import dev.surge.contracts.OrderRules;
import dev.surge.contracts.OrderRules.Transition;
import dev.surge.contracts.OrderStatus;
import dev.surge.contracts.OrdersChanged.OrderChange;
import dev.surge.contracts.StockMovement;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies one command to one order in its own MySQL transaction, through
 * {@link OrderRules}: the status moves with a guarded
 * {@code UPDATE ... WHERE id = ? AND status = ?} (0 rows: someone else moved it first,
 * the command is stale), then the stock moves, {@code order_status_log} and
 * {@code payments} are written. Units going back to sale reach Redis after the commit. A
 * command that is illegal in the current state is ignored with a WARN.
 */
@Service
class OrderLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(OrderLifecycle.class);

	private static final int MAX_REASON = 200;

	private final Orders orders;

	private final Stock stock;

	private final StockReturns returns;

	private final TransactionTemplate transactions;

	private final OrderMetrics metrics;

	OrderLifecycle(Orders orders, Stock stock, StockReturns returns, PlatformTransactionManager transactionManager,
			OrderMetrics metrics) {
		this.metrics = metrics;
		this.orders = orders;
		this.stock = stock;
		this.returns = returns;
		this.transactions = Transactions.readCommitted(transactionManager);
	}

	/** Applies the command, commits, then brings returned units to Redis. */
	Outcome apply(OrderCommand command) {
		Outcome outcome = this.transactions.execute((status) -> applyInTransaction(command));
		if (outcome == null) {
			throw new IllegalStateException("No outcome for " + command);
		}
		this.metrics.command(command.action(), outcome);
		switch (outcome) {
			case Applied applied -> this.returns.apply(applied.returns());
			case Ignored ignored -> logger.warn("Ignored {} of order {} by {}: {}", command.action(), command.orderId(),
					command.operator(), ignored.why());
			case Replayed replayed -> logger.info("Skipped {} of order {}: record {} was applied before",
					command.action(), command.orderId(), command.source());
		}
		return outcome;
	}

	private Outcome applyInTransaction(OrderCommand command) {
		OrderCommand.Source source = command.source();
		if (source != null && !this.orders.recordCommand(source.partition(), source.offset(), command.orderId())) {
			return new Replayed();
		}
		Optional<Current> found = this.orders.current(command.orderId());
		if (found.isEmpty()) {
			return new Ignored("unknown order");
		}
		Current order = found.get();
		List<Transition> steps = OrderRules.steps(order.status(), command.action());
		if (steps.isEmpty()) {
			return new Ignored("illegal in " + order.status());
		}
		Transition first = steps.getFirst();
		OrderStatus target = steps.getLast().to();
		String statusReason = truncate((first.reasonCode() != null) ? first.reasonCode() : command.text());
		Instant paidAt = steps.stream().anyMatch((step) -> step.to() == OrderStatus.PAID) ? command.at() : null;
		if (!this.orders.transition(order.id(), order.status(), target, statusReason, steps.size(), paidAt)) {
			return new Ignored("stale: the order left " + order.status() + " meanwhile");
		}
		return applySteps(command, order, steps, statusReason);
	}

	private Applied applySteps(OrderCommand command, Current order, List<Transition> steps,
			@Nullable String statusReason) {
		String logReason = truncate(logReason(steps.getFirst(), command.text()));
		List<PendingReturn> pending = new ArrayList<>();
		SortedSet<Long> products = new TreeSet<>();
		for (Transition step : steps) {
			boolean automatic = step != steps.getFirst();
			String operator = automatic ? OrderCommand.SYSTEM : command.operator();
			this.orders.logStatus(order.id(), step.from(), step.to(), operator, automatic ? null : logReason);
			if (step.movement() != StockMovement.NONE) {
				List<Line> lines = this.stock.lines(order.id());
				pending.addAll(this.stock.move(order.id(), lines, step.movement(), operator, logReason));
				lines.forEach((line) -> products.add(line.productId()));
			}
		}
		if (command.payment() != null) {
			this.orders.recordPayment(order.id(), command.payment().name(), order.totalCents(), command.at());
		}
		OrderChange change = new OrderChange(order.id(), order.userId(), order.status().name(),
				steps.getLast().to().name(), statusReason, command.operator());
		return new Applied(change, products, pending);
	}

	private static @Nullable String logReason(Transition transition, @Nullable String text) {
		String code = transition.reasonCode();
		boolean hasText = text != null && !text.isBlank();
		if (code == null) {
			return hasText ? text : null;
		}
		return hasText ? code + ": " + text : code;
	}

	private static @Nullable String truncate(@Nullable String text) {
		return (text != null && text.length() > MAX_REASON) ? text.substring(0, MAX_REASON) : text;
	}

	/**
	 * What came of a command.
	 */
	sealed interface Outcome permits Applied, Ignored, Replayed {

	}

	/**
	 * The order moved.
	 *
	 * @param change the order's change, for the notice
	 * @param products products whose stock moved
	 * @param returns units given back to sale, for Redis
	 */
	record Applied(OrderChange change, SortedSet<Long> products, List<PendingReturn> returns) implements Outcome {

	}

	/**
	 * The command does not apply to the order as it is now.
	 *
	 * @param why for the log
	 */
	record Ignored(String why) implements Outcome {

	}

	/**
	 * The record was decided before; a redelivery.
	 */
	record Replayed() implements Outcome {

	}

}
