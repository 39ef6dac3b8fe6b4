package dev.surge.api.live;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.surge.api.admin.LogEntries;
import dev.surge.api.admin.LogEntry;
import dev.surge.api.admin.OrderStatistics;
import dev.surge.api.admin.StockLevel;
import dev.surge.api.admin.StockLevels;
import dev.surge.api.admin.ThroughputPoint;
import dev.surge.api.auth.CurrentUser;
import dev.surge.api.system.Blocking;

import org.springframework.stereotype.Component;

/**
 * The events of this API instance, shared by all its subscribers: whatever is read from
 * MySQL or Redis is read once per instance, not once per subscriber, and only while
 * somebody listens.
 */
@Component
class LiveEvents {

	private static final Logger log = LoggerFactory.getLogger(LiveEvents.class);

	private final LiveProperties properties;

	private final StockLevels stockLevels;

	private final OrderStatistics statistics;

	private final Blocking blocking;

	private final Clock clock = Clock.systemUTC();

	private final Flux<LiveEvent> changes;

	private final Flux<LiveEvent> stats;

	LiveEvents(ChangeFeed feed, LiveProperties properties, StockLevels stockLevels, OrderStatistics statistics,
			Blocking blocking) {
		this.properties = properties;
		this.stockLevels = stockLevels;
		this.statistics = statistics;
		this.blocking = blocking;
		this.changes = feed.notices().publish(this::events).share();
		this.stats = Flux.interval(properties.statsInterval())
			.onBackpressureDrop()
			.concatMap((tick) -> stats(), 1)
			.share();
	}

	/**
	 * What this user may see. Each subscriber gets its own bounded buffer that drops the
	 * oldest events, so a slow one never holds up the shared streams or the others.
	 */
	Flux<LiveEvent> forUser(CurrentUser user) {
		Flux<LiveEvent> all = user.isAdmin() ? Flux.merge(this.changes, this.stats) : this.changes;
		return all.filter((event) -> event.isVisibleTo(user))
			.onBackpressureBuffer(this.properties.subscriberBuffer(), (dropped) -> {
			}, BufferOverflowStrategy.DROP_OLDEST);
	}

	private Flux<LiveEvent> events(Flux<Notice> notices) {
		return Flux.merge(stock(notices), orders(notices), alerts(notices),
				notices.ofType(Notice.DemoReset.class).map((reset) -> new LiveEvent.Reset(reset.operator())));
	}

	/**
	 * Stock re-read at most once per interval per product, however many notices name it.
	 */
	private Flux<LiveEvent> stock(Flux<Notice> notices) {
		return Flux.defer(() -> {
			Coalescer pending = new Coalescer();
			Flux<LiveEvent> collect = notices.ofType(Notice.ProductsMoved.class)
				.doOnNext((moved) -> pending.add(moved.productIds()))
				.thenMany(Flux.empty());
			Flux<LiveEvent> read = Flux.interval(this.properties.stockCoalesce())
				.onBackpressureDrop()
				.concatMap((tick) -> readStock(pending.drain()), 1);
			return Flux.merge(collect, read);
		});
	}

	private Flux<LiveEvent> readStock(List<Long> productIds) {
		if (productIds.isEmpty()) {
			return Flux.empty();
		}
		return this.stockLevels.of(productIds)
			.flatMapIterable((levels) -> levels.stream().map(LiveEvents::stockUpdate).toList())
			.onErrorResume((ex) -> {
				log.warn("Stock of products {} not read for live events: {}", productIds, ex.toString());
				return Flux.empty();
			});
	}

	private static LiveEvent stockUpdate(StockLevel level) {
		return new LiveEvent.StockUpdate(level.id(), level.total(), level.available(), level.locked(), level.sold(),
				level.sellable());
	}

	private static Flux<LiveEvent> orders(Flux<Notice> notices) {
		return notices.ofType(Notice.OrdersMoved.class)
			.flatMapIterable((moved) -> moved.orders().stream().flatMap(LiveEvents::orderEvents).toList());
	}

	/** An order event for its owner, and a log line for admins. */
	static Stream<LiveEvent> orderEvents(Notice.OrderMove move) {
		LiveEvent order = new LiveEvent.OrderUpdate(Long.toString(move.orderId()), move.userId(), move.status(),
				move.reason());
		LogEntry entry = LogEntries.transition(Instant.ofEpochMilli(move.at()), move.orderId(), move.from(),
				move.status(), move.operator(), move.reason());
		LiveEvent line = new LiveEvent.LogLine(entry.at(), entry.type(), entry.orderId(), entry.productId(),
				entry.operator(), entry.action(), entry.reason());
		return Stream.of(order, line);
	}

	private static Flux<LiveEvent> alerts(Flux<Notice> notices) {
		return notices.ofType(Notice.StockLow.class)
			.distinct((low) -> low.productId() + "@" + low.at(), RecentKeys::new)
			.map((low) -> new LiveEvent.Alert(low.productId(), low.name(), low.available(), low.warningStock()));
	}

	/** The second {@code statsLag} ago: by then the consumer has written its orders. */
	private Mono<LiveEvent> stats() {
		Instant second = Instant.now(this.clock).minus(this.properties.statsLag()).truncatedTo(ChronoUnit.SECONDS);
		return this.blocking.call(() -> this.statistics.throughput(second, 1))
			.<LiveEvent>map((points) -> stats(points.getFirst()))
			.onErrorResume((ex) -> {
				log.warn("Throughput not read for live events: {}", ex.toString());
				return Mono.empty();
			});
	}

	private static LiveEvent stats(ThroughputPoint point) {
		return new LiveEvent.Stats(point.at(), point.accepted(), point.rejected());
	}

}
