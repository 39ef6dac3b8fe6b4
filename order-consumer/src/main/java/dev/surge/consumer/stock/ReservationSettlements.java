package dev.surge.consumer.stock;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.surge.contracts.LuaScript;
import dev.surge.contracts.RedisKeys;
import dev.surge.contracts.Scripts;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Settles the Redis reservations of a committed batch: {@code HDEL resv:{p} orderId...}
 * for the claims of a product, release.lua ({@link LuaScript}) for a release. Both are
 * idempotent, so a redelivered batch settles again safely. The commands go out on
 * Lettuce's shared async connection without waiting for each other (a pipeline) and work
 * on a Redis Cluster, where every command is routed by its product's hash tag.
 */
@Component
public class ReservationSettlements {

	private static final long TIMEOUT_SECONDS = 10;

	private final RedisConnectionFactory connections;

	private static final LuaScript RELEASE = Scripts.RELEASE.script();

	ReservationSettlements(RedisConnectionFactory connections) {
		this.connections = connections;
	}

	/**
	 * Sends every settlement and waits for all of them.
	 * @throws RedisConnectionFailureException when Redis did not answer them all; the
	 * caller retries the batch
	 */
	public void settle(Collection<Settlement> settlements) {
		if (settlements.isEmpty()) {
			return;
		}
		try (RedisConnection connection = this.connections.getConnection()) {
			@SuppressWarnings("unchecked")
			RedisClusterAsyncCommands<byte[], byte[]> redis = (RedisClusterAsyncCommands<byte[], byte[]>) connection
				.getNativeConnection();
			sendAll(redis, new LinkedHashSet<>(settlements));
			forgetInFlight(redis, settlements);
		}
	}

	/**
	 * Claims go out as one multi-field {@code HDEL} per product (a hot product's batch is
	 * one command, not one per order); releases one script call each.
	 */
	private static void sendAll(RedisClusterAsyncCommands<byte[], byte[]> redis, Collection<Settlement> settlements) {
		Map<Long, List<byte[]>> claims = new LinkedHashMap<>();
		List<CompletableFuture<?>> replies = new ArrayList<>();
		for (Settlement settlement : settlements) {
			switch (settlement.kind()) {
				case CLAIM -> claims.computeIfAbsent(settlement.productId(), (product) -> new ArrayList<>())
					.add(bytes(Long.toString(settlement.orderId())));
				case RELEASE -> replies.add(release(redis, settlement));
			}
		}
		claims.forEach((productId, orders) -> replies
			.add(redis.hdel(bytes(RedisKeys.reservations(productId)), orders.toArray(byte[][]::new))
				.toCompletableFuture()));
		for (CompletableFuture<?> reply : replies) {
			Throwable failure = await(reply);
			if (failure != null) {
				throw new RedisConnectionFailureException("Settling reservations failed: " + failure.getMessage(),
						failure);
			}
		}
	}

	/**
	 * The API's in-flight copies of settled orders are read no more (MySQL answers for
	 * them): at thousands of orders a second, their TTL alone would keep gigabytes.
	 * Awaited like the claims, so a failure settles the batch again; the API writes a
	 * copy before it publishes the order, so none can land after this.
	 */
	private static void forgetInFlight(RedisClusterAsyncCommands<byte[], byte[]> redis,
			Collection<Settlement> settlements) {
		List<CompletableFuture<Long>> replies = settlements.stream()
			.mapToLong(Settlement::orderId)
			.distinct()
			.mapToObj((orderId) -> redis.unlink(bytes(RedisKeys.inFlight(orderId))).toCompletableFuture())
			.toList();
		for (CompletableFuture<Long> reply : replies) {
			Throwable failure = await(reply);
			if (failure != null) {
				throw new RedisConnectionFailureException("Deleting in-flight copies failed: " + failure.getMessage(),
						failure);
			}
		}
	}

	private static CompletableFuture<?> release(RedisClusterAsyncCommands<byte[], byte[]> redis,
			Settlement settlement) {
		byte[][] keys = { bytes(RedisKeys.stock(settlement.productId())),
				bytes(RedisKeys.reservations(settlement.productId())) };
		return RELEASE.run(redis, ScriptOutputType.INTEGER, keys, bytes(Long.toString(settlement.orderId())))
			.toCompletableFuture();
	}

	private static @Nullable Throwable await(CompletableFuture<?> reply) {
		try {
			reply.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
			return null;
		}
		catch (ExecutionException ex) {
			return ex.getCause();
		}
		catch (TimeoutException ex) {
			return ex;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return ex;
		}
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
