package dev.surge.api.order;

import java.util.List;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.lettuce.core.ScriptOutputType;
import reactor.core.publisher.Mono;

import dev.surge.contracts.LuaScript;
import dev.surge.contracts.OrderLine;
import dev.surge.contracts.RedisKeys;
import dev.surge.contracts.Scripts;

import org.springframework.stereotype.Component;

/**
 * The Redis reservation gate: one Lua script per product, on that product's slot, run
 * with EVALSHA, within the {@code redis} time limiter and circuit breaker. A reservation
 * that timed out may still run later; the release that follows it is sent on the same
 * connection ({@link OrderRedis}), so Redis runs it after the reservation.
 */
@Component
class StockGate {

	@SuppressWarnings("rawtypes")
	private static final LuaScript RESERVE = Scripts.RESERVE.script();

	private static final LuaScript RELEASE = Scripts.RELEASE.script();

	private final OrderRedis redis;

	private final CircuitBreaker breaker;

	private final TimeLimiter timeLimiter;

	StockGate(OrderRedis redis, CircuitBreakerRegistry breakers, TimeLimiterRegistry timeLimiters) {
		this.redis = redis;
		this.breaker = breakers.circuitBreaker("redis");
		this.timeLimiter = timeLimiters.timeLimiter("redis");
	}

	Mono<Reservation> reserve(long orderId, OrderLine line, long now) {
		return this.redis
			.call(OrderRedis.<List<Object>>script(RESERVE, ScriptOutputType.MULTI, keys(line.productId()),
					List.of(Long.toString(orderId), Integer.toString(line.quantity()), Long.toString(now))),
					this.timeLimiter)
			.map((answer) -> toReservation(line, answer))
			.transformDeferred(CircuitBreakerOperator.of(this.breaker));
	}

	/** Gives back what the order holds on the product; idempotent. */
	Mono<Long> release(long orderId, long productId) {
		return this.redis
			.call(OrderRedis.<Long>script(RELEASE, ScriptOutputType.INTEGER, keys(productId),
					List.of(Long.toString(orderId))))
			.defaultIfEmpty(0L);
	}

	/** The only place where reserve.lua's return codes are read. */
	static Reservation toReservation(OrderLine line, List<?> answer) {
		long code = ((Number) answer.get(0)).longValue();
		long units = ((Number) answer.get(1)).longValue();
		if (code == 1 || code == 2) {
			return new Reservation.Reserved(line.productId(), units);
		}
		if (code == 0) {
			return new Reservation.OutOfStock(line.productId(), line.quantity(), units);
		}
		return new Reservation.NotLoaded(line.productId());
	}

	private static List<String> keys(long productId) {
		return List.of(RedisKeys.stock(productId), RedisKeys.reservations(productId));
	}

}
