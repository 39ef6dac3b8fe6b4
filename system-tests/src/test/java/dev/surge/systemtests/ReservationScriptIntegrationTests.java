package dev.surge.systemtests;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import dev.surge.contracts.RedisKeys;
import dev.surge.contracts.Scripts;

import static dev.surge.systemtests.Shop.api;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reservation script itself under real concurrency, and all-or-nothing multi-item
 * orders.
 */
@Order(20)
class ReservationScriptIntegrationTests {

	@Test
	void thousandConcurrentReservationsOfOneAgainstHundredUnitsReserveExactlyHundred() throws Exception {
		long product = Shop.product(100);
		RedisCommands<String, String> redis = SurgeSystem.get().redis();
		String reserve = redis.scriptLoad(Scripts.RESERVE.source());
		String release = redis.scriptLoad(Scripts.RELEASE.source());
		String[] keys = { RedisKeys.stock(product), RedisKeys.reservations(product) };

		List<Long> codes;
		try (ExecutorService threads = Executors.newFixedThreadPool(100)) {
			List<CompletableFuture<Long>> calls = IntStream.range(0, 1000)
				.mapToObj((i) -> CompletableFuture.supplyAsync(() -> reserveOne(reserve, keys, 900_000_000L + i),
						threads))
				.toList();
			codes = calls.stream().map(CompletableFuture::join).toList();
		}

		assertThat(codes.stream().filter((code) -> code == 1)).hasSize(100);
		assertThat(codes.stream().filter((code) -> code == 0)).hasSize(900);
		assertThat(Stores.redisStock(product)).isZero();
		assertThat(redis.hlen(RedisKeys.reservations(product))).isEqualTo(100);

		// give everything back, twice: the second release must change nothing
		for (int round = 0; round < 2; round++) {
			for (int i = 0; i < 1000; i++) {
				redis.evalsha(release, ScriptOutputType.INTEGER, keys, Long.toString(900_000_000L + i));
			}
		}
		assertThat(Stores.redisStock(product)).isEqualTo(100);
		Stores.assertInvariants(product);
	}

	@Test
	void aMultiItemOrderThatCannotBeCoveredReservesNothing() {
		long first = Shop.product(10);
		long second = Shop.product(1);
		Shop.User buyer = Shop.customer();

		Api.Response answer = api().post("/api/orders", buyer.token(), Map.of("items",
				List.of(Map.of("productId", first, "quantity", 2), Map.of("productId", second, "quantity", 2))));

		assertThat(answer.status()).isEqualTo(409);
		assertThat(answer.json().get("productId").asLong()).isEqualTo(second);
		assertThat(Stores.redisStock(first)).isEqualTo(10);
		assertThat(Stores.redisStock(second)).isEqualTo(1);
		assertThat(Stores.reservedUnits(first)).isZero();
		Stores.assertInvariants(first, second);
	}

	private static long reserveOne(String sha, String[] keys, long orderId) {
		// one thread-safe connection: 100 threads' scripts interleave on the server
		List<Long> answer = SurgeSystem.get()
			.redis()
			.evalsha(sha, ScriptOutputType.MULTI, keys, Long.toString(orderId), "1",
					Long.toString(System.currentTimeMillis()));
		return answer.get(0);
	}

}
