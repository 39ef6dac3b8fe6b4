package dev.surge.api.order;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import dev.surge.contracts.OrderPlaced;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Orders accepted by an API and not yet written by the consumer, so that {@code GET
 * /api/orders/{id}} can answer ACCEPTED in between, from any API instance.
 */
@Component
class InFlightOrders {

	private static final Duration KEEP = Duration.ofHours(1);

	private final ReactiveStringRedisTemplate redis;

	private final JsonMapper json;

	InFlightOrders(ReactiveStringRedisTemplate redis, JsonMapper json) {
		this.redis = redis;
		this.json = json;
	}

	Mono<Boolean> remember(OrderPlaced order) {
		return this.redis.opsForValue().set(key(order.orderId()), this.json.writeValueAsString(order), KEEP);
	}

	/** Best effort: the record also expires by itself. */
	Mono<Void> forget(long orderId) {
		return this.redis.delete(key(orderId)).then().onErrorResume((ex) -> Mono.empty());
	}

	Mono<Optional<OrderPlaced>> find(long orderId) {
		return this.redis.opsForValue()
			.get(key(orderId))
			.map((value) -> Optional.of(this.json.readValue(value, OrderPlaced.class)))
			.defaultIfEmpty(Optional.empty());
	}

	private static String key(long orderId) {
		return "inflight:" + orderId;
	}

}
