package dev.surge.api.order;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.surge.api.product.ProductCatalog;
import dev.surge.contracts.OrderLine;
import dev.surge.contracts.OrderPlaced;

import org.springframework.stereotype.Service;

/**
 * Places an order: checks the Idempotency-Key, reserves every line in Redis (all or
 * nothing), publishes {@link OrderPlaced} and answers only after Kafka acknowledged it.
 * If the publish fails for certain, the reservations are released; if it timed out (the
 * record may still be in the log) they are left to the {@link ReservationSweeper}, whose
 * {@code ReservationExpired} lets the consumer decide after reading the log: Redis is
 * never given back units that MySQL may still lock. At most {@code orders} bulkhead
 * placements run at once; more are refused before anything is reserved.
 */
@Service
class OrderPlacement {

	private static final Logger log = LoggerFactory.getLogger(OrderPlacement.class);

	private final StockGate gate;

	private final OrderPublisher publisher;

	private final IdempotencyRecords idempotency;

	private final InFlightOrders inFlight;

	private final ProductCatalog catalog;

	private final OrderIds ids;

	private final OrderProperties properties;

	private final Bulkhead bulkhead;

	OrderPlacement(StockGate gate, OrderPublisher publisher, IdempotencyRecords idempotency, InFlightOrders inFlight,
			ProductCatalog catalog, OrderIds ids, OrderProperties properties, BulkheadRegistry bulkheads) {
		this.gate = gate;
		this.publisher = publisher;
		this.idempotency = idempotency;
		this.inFlight = inFlight;
		this.catalog = catalog;
		this.ids = ids;
		this.properties = properties;
		this.bulkhead = bulkheads.bulkhead("orders");
	}

	Mono<Placement> place(long userId, OrderRequest request, @Nullable String idempotencyKey) {
		List<OrderLine> lines;
		try {
			lines = lines(request);
		}
		catch (IllegalArgumentException ex) {
			return Mono.just(new Placement.Invalid(ex.getMessage()));
		}
		if (idempotencyKey == null) {
			return placeNew(userId, lines);
		}
		return this.idempotency.begin(userId, idempotencyKey, lines).flatMap((check) -> switch (check) {
			case IdempotencyCheck.First first ->
				placeNew(userId, lines).flatMap((placement) -> settle(userId, idempotencyKey, placement));
			case IdempotencyCheck.Replay replay -> Mono.just(replay.accepted());
			case IdempotencyCheck.Running running -> Mono.just(new Placement.InFlight());
			case IdempotencyCheck.Reused reused -> Mono.just(new Placement.KeyReused());
		}).onErrorResume((ex) -> unavailable("idempotency record", ex));
	}

	private Mono<Placement> placeNew(long userId, List<OrderLine> lines) {
		return Mono.defer(() -> {
			if (this.publisher.refusing()) {
				return Mono.just(new Placement.Unavailable("Kafka is unavailable"));
			}
			long orderId = this.ids.next();
			OrderPlaced order = new OrderPlaced(orderId, OrderIds.orderNo(orderId), userId, lines,
					System.currentTimeMillis());
			return reserveAll(order)
				.flatMap((refusal) -> (refusal instanceof Placement.Accepted) ? publish(order) : Mono.just(refusal));
		})
			.transformDeferred(BulkheadOperator.of(this.bulkhead))
			.onErrorResume(BulkheadFullException.class, (ex) -> unavailable("The order pipeline", ex));
	}

	/** Reserves line after line; on the first refusal gives back what was taken. */
	private Mono<Placement> reserveAll(OrderPlaced order) {
		return Flux.fromIterable(order.items())
			.concatMap((line) -> this.gate.reserve(order.orderId(), line, order.placedAt()))
			.takeUntil((reservation) -> !(reservation instanceof Reservation.Reserved))
			.last()
			.flatMap((last) -> switch (last) {
				case Reservation.Reserved reserved -> Mono.<Placement>just(accepted(order));
				case Reservation.OutOfStock out -> releaseAll(order)
					.thenReturn(new Placement.OutOfStock(out.productId(), out.requested(), out.available()));
				case Reservation.NotLoaded missing -> releaseAll(order).then(notLoaded(missing.productId()));
			})
			.onErrorResume((ex) -> releaseAll(order).then(unavailable("Redis", ex)));
	}

	/**
	 * The in-flight record is written while the broker acknowledges, not after: one Redis
	 * round trip less on the request's path. If the publish fails, it is removed again.
	 */
	private Mono<Placement> publish(OrderPlaced order) {
		Mono<Boolean> remembered = this.inFlight.remember(order).onErrorResume((ex) -> Mono.just(false));
		return Mono.when(this.publisher.publish(order), remembered)
			.<Placement>thenReturn(accepted(order))
			.onErrorResume((ex) -> {
				Mono<Void> forget = this.inFlight.forget(order.orderId());
				if (ex instanceof OrderPublisher.OutcomeUnknown) {
					log.warn("Order {} not confirmed: {}", order.orderId(), ex.getMessage());
					return forget.thenReturn(new Placement.Unavailable("Kafka did not confirm order " + order.orderId()
							+ " in time: it may still be placed, otherwise its stock is given back within a minute"));
				}
				return releaseAll(order).then(forget).then(unavailable("Kafka", ex));
			});
	}

	private Mono<Placement> notLoaded(long productId) {
		return this.catalog.exists(productId)
			.map((exists) -> exists ? new Placement.StockNotLoaded(productId)
					: new Placement.UnknownProduct(productId));
	}

	/**
	 * Releases every line; release is idempotent, so lines never reserved are no-ops. A
	 * failure here leaves the reservation for the sweeper.
	 */
	private Mono<Void> releaseAll(OrderPlaced order) {
		return Flux.fromIterable(order.items())
			.concatMap((line) -> this.gate.release(order.orderId(), line.productId()))
			.then()
			.onErrorResume((ex) -> {
				log.warn("Could not release order {} now; the sweeper will: {}", order.orderId(), ex.getMessage());
				return Mono.empty();
			});
	}

	private Mono<Placement> settle(long userId, String key, Placement placement) {
		Mono<Void> record = (placement instanceof Placement.Accepted accepted)
				? this.idempotency.complete(userId, key, accepted) : this.idempotency.forget(userId, key);
		return record.onErrorResume((ex) -> Mono.empty()).thenReturn(placement);
	}

	private static Mono<Placement> unavailable(String what, Throwable ex) {
		log.warn("{} failed: {}", what, ex.toString());
		return Mono.just(new Placement.Unavailable(what + " is unavailable"));
	}

	private static Placement.Accepted accepted(OrderPlaced order) {
		return new Placement.Accepted(order.orderId(), order.orderNo());
	}

	/**
	 * One line per product, sorted by product id (the order scripts run in), within the
	 * limits.
	 */
	List<OrderLine> lines(OrderRequest request) {
		List<OrderLine> lines = new ArrayList<>();
		if (request.items() != null) {
			if (request.productId() != null || request.quantity() != null) {
				throw new IllegalArgumentException("Send either productId and quantity, or items");
			}
			request.items().forEach((item) -> lines.add(new OrderLine(item.productId(), item.quantity())));
		}
		else if (request.productId() != null && request.quantity() != null) {
			lines.add(new OrderLine(request.productId(), request.quantity()));
		}
		else {
			throw new IllegalArgumentException("productId and quantity, or items, are required");
		}
		if (lines.isEmpty() || lines.size() > this.properties.maxItems()) {
			throw new IllegalArgumentException("An order has 1 to " + this.properties.maxItems() + " items");
		}
		lines.sort(Comparator.comparingLong(OrderLine::productId));
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).quantity() > this.properties.maxQuantity()) {
				throw new IllegalArgumentException("quantity must be at most " + this.properties.maxQuantity());
			}
			if (i > 0 && lines.get(i).productId() == lines.get(i - 1).productId()) {
				throw new IllegalArgumentException("Each product may appear once: " + lines.get(i).productId());
			}
		}
		return List.copyOf(lines);
	}

}
