package dev.surge.api.order;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

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

	private final OrderFates fates;

	private final InFlightOrders inFlight;

	private final ProductCatalog catalog;

	private final OrderIds ids;

	private final OrderProperties properties;

	private final Bulkhead bulkhead;

	private final OrderMetrics metrics;

	OrderPlacement(StockGate gate, OrderPublisher publisher, IdempotencyRecords idempotency, OrderFates fates,
			InFlightOrders inFlight, ProductCatalog catalog, OrderIds ids, OrderProperties properties,
			BulkheadRegistry bulkheads, OrderMetrics metrics) {
		this.gate = gate;
		this.publisher = publisher;
		this.idempotency = idempotency;
		this.fates = fates;
		this.inFlight = inFlight;
		this.catalog = catalog;
		this.ids = ids;
		this.properties = properties;
		this.bulkhead = bulkheads.bulkhead("orders");
		this.metrics = metrics;
	}

	Mono<Placement> place(long userId, OrderRequest request, @Nullable String idempotencyKey) {
		return this.metrics.timed(attempt(userId, request, idempotencyKey));
	}

	private Mono<Placement> attempt(long userId, OrderRequest request, @Nullable String idempotencyKey) {
		List<OrderLine> lines;
		try {
			lines = lines(request);
		}
		catch (IllegalArgumentException ex) {
			return Mono.just(new Placement.Invalid(ex.getMessage()));
		}
		return Mono.defer(() -> {
			long orderId = this.ids.next();
			OrderPlaced order = new OrderPlaced(orderId, OrderIds.orderNo(orderId), userId, lines,
					System.currentTimeMillis());
			// while the kafka breaker is open nothing is reserved: the publish would be
			// refused
			Mono<Placement> reserved = this.publisher.refusing()
					? Mono.just(new Placement.Unavailable("Kafka is unavailable")) : reserveAll(order);
			return (idempotencyKey != null) ? placeOnce(order, idempotencyKey, reserved)
					: publishIfReserved(order, reserved);
		})
			.transformDeferred(BulkheadOperator.of(this.bulkhead))
			.onErrorResume(BulkheadFullException.class, (ex) -> unavailable("The order pipeline", ex));
	}

	private Mono<Placement> publishIfReserved(OrderPlaced order, Mono<Placement> reserved) {
		return reserved
			.flatMap((placement) -> (placement instanceof Placement.Accepted) ? publish(order) : Mono.just(placement));
	}

	/**
	 * The key's check and the reservation go to Redis together, one round trip instead of
	 * two; a request that turns out to repeat an earlier one gives back what it reserved.
	 */
	private Mono<Placement> placeOnce(OrderPlaced order, String key, Mono<Placement> reserved) {
		Mono<Optional<IdempotencyCheck>> check = this.idempotency.begin(order.userId(), key, order.items())
			.map(Optional::of)
			.onErrorResume((ex) -> {
				log.warn("idempotency record failed: {}", ex.toString());
				return Mono.just(Optional.empty());
			});
		return Mono.zip(check, reserved).flatMap((both) -> {
			Placement reservation = both.getT2();
			return switch (both.getT1().orElse(null)) {
				case null -> giveBack(order, reservation)
					.thenReturn(new Placement.Unavailable("idempotency record is unavailable"));
				case IdempotencyCheck.First first -> first(order, key, reservation);
				case IdempotencyCheck.Replay replay -> giveBack(order, reservation).thenReturn(replay.accepted());
				case IdempotencyCheck.Pending pending -> retry(order, key, reservation, pending.order());
				case IdempotencyCheck.Running running ->
					giveBack(order, reservation).thenReturn(new Placement.InFlight());
				case IdempotencyCheck.Reused reused ->
					giveBack(order, reservation).thenReturn(new Placement.KeyReused());
			};
		});
	}

	private Mono<Placement> first(OrderPlaced order, String key, Placement reservation) {
		return publishIfReserved(order, Mono.just(reservation))
			.doOnNext((placement) -> settle(order.userId(), key, placement));
	}

	/**
	 * A retry of a request whose order Kafka did not confirm: if the consumer wrote that
	 * order, it is the answer; if its id was abandoned, it will never be placed and one
	 * retry places this one; until either, the retry is told to wait (409 in flight).
	 */
	private Mono<Placement> retry(OrderPlaced order, String key, Placement reservation, Placement.Unconfirmed earlier) {
		Placement.Accepted placed = new Placement.Accepted(earlier.orderId(), earlier.orderNo());
		return this.fates.of(earlier.orderId()).flatMap((fate) -> switch (fate) {
			case PLACED -> giveBack(order, reservation).then(this.idempotency.complete(order.userId(), key, placed))
				.thenReturn(placed);
			case ABANDONED -> this.idempotency.restart(order.userId(), key, earlier)
				.flatMap((mine) -> mine ? first(order, key, reservation)
						: giveBack(order, reservation).thenReturn(new Placement.InFlight()));
			case UNDECIDED -> giveBack(order, reservation).thenReturn(new Placement.InFlight());
		});
	}

	/**
	 * Refused reservations were given back already; only a taken one is left to release.
	 */
	private Mono<Void> giveBack(OrderPlaced order, Placement reservation) {
		return (reservation instanceof Placement.Accepted) ? releaseAll(order) : Mono.empty();
	}

	/**
	 * Reserves line after line (a one-line order, the common case, without the stream). A
	 * multi-item order tries every line, so that a refusal names every short product; on
	 * any refusal it gives back what was taken.
	 */
	private Mono<Placement> reserveAll(OrderPlaced order) {
		Mono<List<Reservation>> reservations = (order.items().size() == 1)
				? this.gate.reserve(order.orderId(), order.items().get(0), order.placedAt()).map(List::of)
				: Flux.fromIterable(order.items())
					.concatMap((line) -> this.gate.reserve(order.orderId(), line, order.placedAt()))
					.collectList();
		return reservations.flatMap((answers) -> decide(order, answers))
			.onErrorResume((ex) -> releaseAll(order).then(unavailable("Redis", ex)));
	}

	private Mono<Placement> decide(OrderPlaced order, List<Reservation> answers) {
		List<Placement.Shortage> shortages = new ArrayList<>();
		for (Reservation answer : answers) {
			switch (answer) {
				case Reservation.Reserved reserved -> {
				}
				case Reservation.OutOfStock out ->
					shortages.add(new Placement.Shortage(out.productId(), out.requested(), out.available()));
				case Reservation.NotLoaded missing -> {
					return releaseAll(order).then(notLoaded(missing.productId()));
				}
			}
		}
		return shortages.isEmpty() ? Mono.just(accepted(order))
				: releaseAll(order).thenReturn(new Placement.OutOfStock(shortages));
	}

	/**
	 * The in-flight record is written, and its write confirmed, before the order is
	 * published: the consumer deletes it once the order is settled, so it must not land
	 * after that (a command Lettuce queued while Redis restarted would). If it fails, the
	 * order is not published; if the publish fails, the record is removed again, on the
	 * same connection, so after any late write of it.
	 */
	private Mono<Placement> publish(OrderPlaced order) {
		return this.inFlight.remember(order)
			.then(Mono.defer(() -> send(order)))
			.onErrorResume((ex) -> releaseAll(order).then(this.inFlight.forget(order.orderId()))
				.then(unavailable("Redis", ex)));
	}

	private Mono<Placement> send(OrderPlaced order) {
		return this.publisher.publish(order).thenReturn((Placement) accepted(order)).onErrorResume((ex) -> {
			Mono<Void> forget = this.inFlight.forget(order.orderId());
			if (ex instanceof OrderPublisher.OutcomeUnknown) {
				log.warn("Order {} not confirmed: {}", order.orderId(), ex.getMessage());
				return forget.thenReturn(new Placement.Unconfirmed(order.orderId(), order.orderNo()));
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

	/**
	 * Records how the key's request ended without waiting for Redis's reply: the 202 need
	 * not wait a round trip. Commands on the connection run in order, so a retry that
	 * reaches this instance after the answer reads it. If the write fails, the key stays
	 * RUNNING (409) until it expires, and never places a second order. An unconfirmed
	 * order stays with the key, so a retry learns what became of it.
	 */
	private void settle(long userId, String key, Placement placement) {
		Mono<Void> record = switch (placement) {
			case Placement.Accepted accepted -> this.idempotency.complete(userId, key, accepted);
			case Placement.Unconfirmed unconfirmed -> this.idempotency.unconfirmed(userId, key, unconfirmed);
			default -> this.idempotency.forget(userId, key);
		};
		record.subscribe(null, (ex) -> log.warn("Idempotency-Key of user {} not settled: {}", userId, ex.toString()));
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
