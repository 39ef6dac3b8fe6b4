package dev.surge.consumer.order;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.surge.consumer.order.Orders.NewItem;
import dev.surge.consumer.order.Orders.NewOrder;
import dev.surge.consumer.product.Products;
import dev.surge.consumer.stock.Settlement;
import dev.surge.consumer.stock.Stock;
import dev.surge.consumer.stock.Stock.Prelock;
import dev.surge.consumer.stock.StockAllocation;
import dev.surge.consumer.stock.StockAllocation.Allocation;
import dev.surge.consumer.stock.StockAllocation.Demand;
import dev.surge.consumer.stock.StockAllocation.Locked;
import dev.surge.consumer.stock.StockAllocation.OutOfStock;
import dev.surge.consumer.stock.StockAllocation.UnknownProduct;
import dev.surge.consumer.stock.StockAllocation.Verdict;
import dev.surge.consumer.system.Transactions;
import dev.surge.contracts.OrderAction;
import dev.surge.contracts.OrderEvent;
import dev.surge.contracts.OrderLine;
import dev.surge.contracts.OrderPlaced;
import dev.surge.contracts.OrderRules;
import dev.surge.contracts.OrderRules.Transition;
import dev.surge.contracts.OrderStatus;
import dev.surge.contracts.OrdersChanged.OrderChange;
import dev.surge.contracts.ReservationExpired;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a batch of order events to MySQL in one transaction: new orders with their
 * items, stock locks and logs, abandoned ids. Ids seen before create nothing; their
 * reservations are only settled again in Redis after the commit.
 */
@Service
class OrderIntake {

	static final String OUT_OF_STOCK = "OUT_OF_STOCK";

	static final String UNKNOWN_PRODUCT = "UNKNOWN_PRODUCT";

	private final Orders orders;

	private final Products products;

	private final Stock stock;

	private final OrderProperties properties;

	private final TransactionTemplate transactions;

	OrderIntake(Orders orders, Products products, Stock stock, OrderProperties properties,
			PlatformTransactionManager transactionManager) {
		this.orders = orders;
		this.products = products;
		this.stock = stock;
		this.properties = properties;
		this.transactions = Transactions.readCommitted(transactionManager);
	}

	/**
	 * Applies the intake events ({@link OrderPlaced}, {@link ReservationExpired}) in log
	 * order and commits.
	 */
	IntakeResult apply(List<OrderEvent> events) {
		if (events.isEmpty()) {
			return IntakeResult.EMPTY;
		}
		IntakeResult result = this.transactions.execute((status) -> applyInTransaction(events));
		return (result != null) ? result : IntakeResult.EMPTY;
	}

	private IntakeResult applyInTransaction(List<OrderEvent> events) {
		Set<Long> ids = new LinkedHashSet<>();
		events.forEach((event) -> ids.add(event.orderId()));
		Triage triage = new Triage(this.orders.statuses(ids), this.orders.abandoned(ids));
		events.forEach(triage::add);
		List<OrderPlaced> fresh = List.copyOf(triage.fresh.values());
		Map<Long, Long> prices = this.products.prices(productIds(fresh));
		Allocation allocation = StockAllocation.allocate(demands(fresh),
				this.stock.lockAvailable(new TreeSet<>(prices.keySet())));
		this.stock.lock(allocation.locked());
		this.orders.insert(fresh.stream().map((placed) -> newOrder(placed, allocation, prices)).toList());
		this.stock.logPrelocks(prelocks(fresh, allocation));
		this.orders.abandon(triage.abandonedNow);
		return triage.result(allocation);
	}

	private NewOrder newOrder(OrderPlaced placed, Allocation allocation, Map<Long, Long> prices) {
		List<NewItem> items = placed.items()
			.stream()
			.map((line) -> new NewItem(line.productId(), line.quantity(), prices.getOrDefault(line.productId(), 0L)))
			.toList();
		long total = items.stream().mapToLong((item) -> item.quantity() * item.unitPriceCents()).sum();
		Instant createdAt = Instant.ofEpochMilli(placed.placedAt());
		Verdict verdict = allocation.verdictOf(placed.orderId());
		OrderStatus status = intake(verdict).to();
		return new NewOrder(placed.orderId(), placed.orderNo(), placed.userId(), status, reason(verdict), total,
				createdAt,
				(status == OrderStatus.PENDING_PAYMENT) ? createdAt.plus(this.properties.paymentTimeout()) : null,
				items);
	}

	/** Intake's step of the state machine for a verdict of the allocation. */
	private static Transition intake(Verdict verdict) {
		OrderAction action = (verdict instanceof Locked) ? OrderAction.STOCK_LOCKED : OrderAction.STOCK_SHORT;
		return OrderRules.of(OrderStatus.ACCEPTED, action).orElseThrow();
	}

	/** Why intake rejected an order ({@code orders.status_reason}). */
	private static @Nullable String reason(Verdict verdict) {
		return switch (verdict) {
			case Locked locked -> null;
			case OutOfStock outOfStock -> OUT_OF_STOCK;
			case UnknownProduct unknown -> UNKNOWN_PRODUCT;
		};
	}

	private static List<Prelock> prelocks(List<OrderPlaced> fresh, Allocation allocation) {
		List<Prelock> prelocks = new ArrayList<>();
		for (OrderPlaced placed : fresh) {
			if (allocation.verdictOf(placed.orderId()) instanceof Locked) {
				placed.items()
					.forEach((line) -> prelocks.add(new Prelock(placed.orderId(), line.productId(), line.quantity())));
			}
		}
		return prelocks;
	}

	private static Set<Long> productIds(List<OrderPlaced> fresh) {
		Set<Long> ids = new TreeSet<>();
		fresh.forEach((placed) -> placed.items().forEach((line) -> ids.add(line.productId())));
		return ids;
	}

	private static List<Demand> demands(List<OrderPlaced> fresh) {
		return fresh.stream().map((placed) -> new Demand(placed.orderId(), placed.items())).toList();
	}

	/**
	 * Sorts the events of one batch, in log order, into new orders, newly abandoned ids
	 * and reservations to settle once the outcome of every id is known.
	 */
	private static final class Triage {

		private final Map<Long, String> known;

		private final Set<Long> abandoned;

		private final Map<Long, OrderPlaced> fresh = new LinkedHashMap<>();

		private final List<Long> abandonedNow = new ArrayList<>();

		/** Lines to settle per order: claim if MySQL locked the order, else release. */
		private final Map<Long, Set<Long>> byOutcome = new LinkedHashMap<>();

		private final List<Settlement> releases = new ArrayList<>();

		Triage(Map<Long, String> known, Set<Long> abandoned) {
			this.known = known;
			this.abandoned = new LinkedHashSet<>(abandoned);
		}

		void add(OrderEvent event) {
			long id = event.orderId();
			if (this.abandoned.contains(id)) {
				release(id, lines(event));
			}
			else if (this.known.containsKey(id) || this.fresh.containsKey(id)) {
				settleByOutcome(id, lines(event));
			}
			else {
				switch (event) {
					case OrderPlaced placed -> {
						this.fresh.put(id, placed);
						settleByOutcome(id, placed.items());
					}
					case ReservationExpired expired -> {
						this.abandoned.add(id);
						this.abandonedNow.add(id);
						release(id, expired.items());
					}
					default -> throw new IllegalArgumentException("Not an intake event: " + event);
				}
			}
		}

		IntakeResult result(Allocation allocation) {
			List<Settlement> settlements = new ArrayList<>(this.releases);
			this.byOutcome.forEach((id, productIds) -> {
				boolean locked = this.fresh.containsKey(id) ? allocation.verdictOf(id) instanceof Locked
						: !OrderStatus.REJECTED.name().equals(this.known.get(id));
				productIds.forEach((productId) -> settlements
					.add(locked ? Settlement.claim(id, productId) : Settlement.release(id, productId)));
			});
			List<OrderChange> changes = new ArrayList<>();
			allocation.verdicts().forEach((id, verdict) -> changes.add(change(this.fresh.get(id), verdict)));
			return new IntakeResult(settlements, new TreeSet<>(allocation.locked().keySet()), changes);
		}

		private static OrderChange change(OrderPlaced placed, Verdict verdict) {
			Transition step = intake(verdict);
			return new OrderChange(placed.orderId(), placed.userId(), step.from().name(), step.to().name(),
					reason(verdict), Orders.SYSTEM);
		}

		private void settleByOutcome(long id, List<OrderLine> lines) {
			Set<Long> productIds = this.byOutcome.computeIfAbsent(id, (key) -> new LinkedHashSet<>());
			lines.forEach((line) -> productIds.add(line.productId()));
		}

		private void release(long id, List<OrderLine> lines) {
			lines.forEach((line) -> this.releases.add(Settlement.release(id, line.productId())));
		}

		private static List<OrderLine> lines(OrderEvent event) {
			return switch (event) {
				case OrderPlaced placed -> placed.items();
				case ReservationExpired expired -> expired.items();
				default -> throw new IllegalArgumentException("Not an intake event: " + event);
			};
		}

	}

}
