package dev.surge.api.order;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

class OrderMetricsTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final OrderMetrics metrics = new OrderMetrics(this.registry);

	@Test
	void countsEachPlacementUnderItsOutcome() {
		place(new Placement.Accepted(1, "SG1"));
		place(new Placement.Accepted(2, "SG2"));
		place(new Placement.OutOfStock(7, 3, 0));
		place(new Placement.OutOfStock(7, 3, 2));
		place(new Placement.Unavailable("Kafka is unavailable"));

		assertThat(placed("accepted")).isEqualTo(2);
		assertThat(placed("sold_out")).isEqualTo(1);
		assertThat(placed("out_of_stock")).isEqualTo(1);
		assertThat(placed("unavailable")).isEqualTo(1);
		assertThat(placed("invalid")).isZero();
	}

	@Test
	void countsExpiredReservations() {
		this.metrics.reservationsExpired(3);

		assertThat(this.registry.get("surge.reservations.expired").counter().count()).isEqualTo(3);
	}

	private void place(Placement placement) {
		this.metrics.timed(Mono.just(placement)).block();
	}

	private long placed(String outcome) {
		return this.registry.get("surge.orders.placed").tag("outcome", outcome).timer().count();
	}

}
