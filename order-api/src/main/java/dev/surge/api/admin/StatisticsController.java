package dev.surge.api.admin;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import dev.surge.api.system.Blocking;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/admin/stats}: the dashboard's figures.
 */
@RestController
class StatisticsController {

	/** Five minutes of complete seconds. */
	static final int WINDOW_SECONDS = 300;

	private final OrderStatistics orders;

	private final StockLevels stock;

	private final Blocking blocking;

	private final Clock clock = Clock.systemUTC();

	StatisticsController(OrderStatistics orders, StockLevels stock, Blocking blocking) {
		this.orders = orders;
		this.stock = stock;
		this.blocking = blocking;
	}

	@GetMapping("/api/admin/stats")
	Mono<Statistics> stats() {
		Instant from = Instant.now(this.clock).truncatedTo(ChronoUnit.SECONDS).minusSeconds(WINDOW_SECONDS);
		Mono<Map<String, Long>> counts = this.blocking.call(this.orders::countsByStatus);
		Mono<Long> paid = this.blocking.call(this.orders::paid);
		Mono<List<Statistics.Stock>> products = this.stock.all()
			.map((levels) -> levels.stream().map(Statistics.Stock::of).toList());
		Mono<List<ThroughputPoint>> throughput = this.blocking.call(() -> this.orders.throughput(from, WINDOW_SECONDS));
		return Mono.zip(counts, paid, products, throughput)
			.map((all) -> new Statistics(all.getT1(), all.getT2(), all.getT3(), all.getT4()));
	}

}
