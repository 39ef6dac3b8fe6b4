package dev.surge.api.order;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

import dev.surge.contracts.OrderPlaced;
import dev.surge.contracts.RedisKeys;

import org.springframework.stereotype.Component;

/**
 * Orders accepted by an API and not yet written by the consumer, so that {@code GET
 * /api/orders/{id}} can answer ACCEPTED in between, from any API instance.
 */
@Component
class InFlightOrders {

	private static final Logger log = LoggerFactory.getLogger(InFlightOrders.class);

	private static final Duration KEEP = Duration.ofHours(1);

	/** About 27 s in all: longer than Redis takes to restart and load its data. */
	private static final Retry RETRY_DELETE = Retry.backoff(8, Duration.ofMillis(500))
		.maxBackoff(Duration.ofSeconds(5));

	private final OrderRedis redis;

	private final JsonMapper json;

	InFlightOrders(OrderRedis redis, JsonMapper json) {
		this.redis = redis;
		this.json = json;
	}

	Mono<Boolean> remember(OrderPlaced order) {
		String value = this.json.writeValueAsString(order);
		return this.redis.call((redis) -> redis.setex(key(order.orderId()), KEEP.toSeconds(), value)).map("OK"::equals);
	}

	/**
	 * Deletes the copy. A delete that fails (Redis away, or still loading its data after
	 * a restart) is tried again in the background for about half a minute; a lost delete
	 * left the copy of an order that was never placed until its TTL (seen in a chaos run:
	 * the copy's write had reached Redis before it stopped, the delete met
	 * {@code LOADING}).
	 */
	Mono<Void> forget(long orderId) {
		return delete(orderId).onErrorResume((ex) -> {
			delete(orderId).retryWhen(RETRY_DELETE)
				.subscribe(null, (last) -> log.warn("In-flight copy of order {} not deleted, it expires within {}: {}",
						orderId, KEEP, last.toString()));
			return Mono.empty();
		});
	}

	/** A new command each time it is subscribed, so that a retry sends it again. */
	private Mono<Void> delete(long orderId) {
		return Mono.defer(() -> this.redis.call((redis) -> redis.del(key(orderId)))).then();
	}

	Mono<Optional<OrderPlaced>> find(long orderId) {
		return this.redis.call((redis) -> redis.get(key(orderId)))
			.map((value) -> Optional.of(this.json.readValue(value, OrderPlaced.class)))
			.defaultIfEmpty(Optional.empty());
	}

	private static String key(long orderId) {
		return RedisKeys.inFlight(orderId);
	}

}
