package dev.surge.api.order;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * The order path's business meters: how each placement ended
 * ({@code surge.orders.placed}, a timer tagged with the outcome, sold out apart from a
 * short stock) and the reservations the sweeper expired
 * ({@code surge.reservations.expired}). The meters are registered once; recording one is
 * an add on a striped counter.
 */
@Component
class OrderMetrics {

	private final Timer accepted;

	private final Timer soldOut;

	private final Timer outOfStock;

	private final Timer unknownProduct;

	private final Timer stockNotLoaded;

	private final Timer unavailable;

	private final Timer keyReused;

	private final Timer inFlight;

	private final Timer invalid;

	private final Counter expired;

	OrderMetrics(MeterRegistry registry) {
		this.accepted = placed(registry, "accepted");
		this.soldOut = placed(registry, "sold_out");
		this.outOfStock = placed(registry, "out_of_stock");
		this.unknownProduct = placed(registry, "unknown_product");
		this.stockNotLoaded = placed(registry, "stock_not_loaded");
		this.unavailable = placed(registry, "unavailable");
		this.keyReused = placed(registry, "idempotency_key_reused");
		this.inFlight = placed(registry, "request_in_flight");
		this.invalid = placed(registry, "invalid");
		this.expired = Counter.builder("surge.reservations.expired")
			.description("Orders whose reservation outlived the publish and got a ReservationExpired")
			.register(registry);
	}

	/** Times the placement and counts its outcome when it ends. */
	Mono<Placement> timed(Mono<Placement> placement) {
		return Mono.defer(() -> {
			long start = System.nanoTime();
			return placement
				.doOnNext((outcome) -> timer(outcome).record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
		});
	}

	void reservationsExpired(int orders) {
		this.expired.increment(orders);
	}

	private Timer timer(Placement placement) {
		return switch (placement) {
			case Placement.Accepted accepted -> this.accepted;
			case Placement.OutOfStock out -> out.shortages().stream().allMatch((shortage) -> shortage.available() == 0)
					? this.soldOut : this.outOfStock;
			case Placement.UnknownProduct unknown -> this.unknownProduct;
			case Placement.StockNotLoaded missing -> this.stockNotLoaded;
			case Placement.Unavailable down -> this.unavailable;
			case Placement.Unconfirmed unconfirmed -> this.unavailable;
			case Placement.KeyReused reused -> this.keyReused;
			case Placement.InFlight running -> this.inFlight;
			case Placement.Invalid bad -> this.invalid;
		};
	}

	private static Timer placed(MeterRegistry registry, String outcome) {
		return Timer.builder("surge.orders.placed")
			.description("POST /api/orders by outcome: accepted, or the reason it was refused")
			.tag("outcome", outcome)
			.register(registry);
	}

}
