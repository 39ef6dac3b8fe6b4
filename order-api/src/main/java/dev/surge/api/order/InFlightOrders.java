package dev.surge.api.order;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import reactor.core.publisher.Mono;
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

	private static final Duration KEEP = Duration.ofHours(1);

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

	/** Best effort: the record also expires by itself. */
	Mono<Void> forget(long orderId) {
		return this.redis.call((redis) -> redis.del(key(orderId))).then().onErrorResume((ex) -> Mono.empty());
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
