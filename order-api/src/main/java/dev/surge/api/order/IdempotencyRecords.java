package dev.surge.api.order;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import io.lettuce.core.ScriptOutputType;
import reactor.core.publisher.Mono;

import dev.surge.contracts.LuaScript;
import dev.surge.contracts.OrderLine;

import org.springframework.stereotype.Component;

/**
 * Idempotency-Key records in Redis ({@code idem:<userId>:<key>}): the request's hash, and
 * the answer once known. A failed request forgets its key, so the client may retry it; a
 * request whose order Kafka did not confirm keeps that order as pending, so a retry
 * learns its fate instead of placing a second one.
 */
@Component
class IdempotencyRecords {

	private static final LuaScript BEGIN = LuaScript.fromClasspath("scripts/idempotency-begin.lua");

	private static final LuaScript RESTART = LuaScript.fromClasspath("scripts/idempotency-restart.lua");

	private final OrderRedis redis;

	private final OrderProperties properties;

	IdempotencyRecords(OrderRedis redis, OrderProperties properties) {
		this.redis = redis;
		this.properties = properties;
	}

	Mono<IdempotencyCheck> begin(long userId, String key, List<OrderLine> lines) {
		return this.redis
			.call(OrderRedis.<String>script(BEGIN, ScriptOutputType.VALUE, List.of(redisKey(userId, key)),
					List.of(hash(lines), Long.toString(this.properties.idempotencyTtl().toSeconds()))))
			.map(IdempotencyRecords::toCheck);
	}

	Mono<Void> complete(long userId, String key, Placement.Accepted accepted) {
		return this.redis
			.call((redis) -> redis.hset(redisKey(userId, key), "answer", accepted.orderId() + ":" + accepted.orderNo()))
			.then();
	}

	/** Kafka did not confirm the order in time: it may still be placed. */
	Mono<Void> unconfirmed(long userId, String key, Placement.Unconfirmed order) {
		return this.redis
			.call((redis) -> redis.hset(redisKey(userId, key), "pending", order.orderId() + ":" + order.orderNo()))
			.then();
	}

	/**
	 * Clears the key's pending order, which will never be placed, for this request alone.
	 * @return whether this request now runs under the key
	 */
	Mono<Boolean> restart(long userId, String key, Placement.Unconfirmed pending) {
		return this.redis.call(OrderRedis.<Long>script(RESTART, ScriptOutputType.INTEGER,
				List.of(redisKey(userId, key)), List.of(pending.orderId() + ":" + pending.orderNo())))
			.map((won) -> won == 1L);
	}

	Mono<Void> forget(long userId, String key) {
		return this.redis.call((redis) -> redis.del(redisKey(userId, key))).then();
	}

	private static IdempotencyCheck toCheck(String answer) {
		return switch (answer) {
			case "FIRST" -> new IdempotencyCheck.First();
			case "REUSED" -> new IdempotencyCheck.Reused();
			case "RUNNING" -> new IdempotencyCheck.Running();
			default -> {
				String[] earlier = answer.split(":", 3);
				long orderId = Long.parseLong(earlier[1]);
				yield earlier[0].equals("PENDING")
						? new IdempotencyCheck.Pending(new Placement.Unconfirmed(orderId, earlier[2]))
						: new IdempotencyCheck.Replay(new Placement.Accepted(orderId, earlier[2]));
			}
		};
	}

	private static String redisKey(long userId, String key) {
		return "idem:" + userId + ":" + key;
	}

	static String hash(List<OrderLine> lines) {
		StringBuilder canonical = new StringBuilder();
		lines.forEach((line) -> canonical.append(line.productId()).append('x').append(line.quantity()).append(';'));
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
