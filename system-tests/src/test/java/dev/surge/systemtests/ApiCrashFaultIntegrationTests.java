package dev.surge.systemtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import dev.surge.contracts.RedisKeys;
import dev.surge.devstack.DevServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An API instance killed with reservations taken and not yet published. To hold the
 * publishes back deterministically Kafka is stopped first: the API reserves, its sends
 * wait in the producer; then the API is killed (SIGKILL), Kafka started and a new API
 * started. Nobody will ever publish those orders: the new instance's sweeper expires the
 * orphaned reservations (older than the producer's timeouts plus the margin), the
 * consumer records them as abandoned and releases the units, and Redis converges to
 * {@code available − Σ resv} with no reservation left.
 */
@Order(940)
class ApiCrashFaultIntegrationTests {

	@Test
	void reservationsOfAKilledApiAreExpiredByTheSweeper() {
		long product = Shop.product(100);
		List<Shop.User> buyers = Shop.customers(20);
		SurgeSystem system = SurgeSystem.get();
		DevServers servers = system.localServers();

		servers.stopKafka(true);
		List<String> orphans;
		try {
			List<CompletableFuture<Api.Response>> pending = new ArrayList<>();
			for (Shop.User buyer : buyers) {
				pending.add(Shop.api()
					.postAsync("/api/orders", buyer.token(), Map.of("productId", product, "quantity", 2),
							"Idempotency-Key", Shop.idempotencyKey()));
			}
			await().atMost(Duration.ofSeconds(10))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> Stores.reservedUnits(product) >= 20);
			system.killApi();
			orphans = List.copyOf(system.redis().hkeys(RedisKeys.reservations(product)));
			pending.forEach((answer) -> answer.handle((response, ex) -> null).join());
		}
		finally {
			servers.startKafka();
		}
		assertThat(orphans).isNotEmpty();
		assertThat(Stores.redisStock(product)).isEqualTo(100 - Stores.reservedUnits(product));
		system.restartApi();

		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(Stores.reservedUnits(product)).isZero());
		assertThat(Faults.count("SELECT COUNT(*) FROM abandoned_orders WHERE order_id IN (%s)",
				orphans.stream().map(Long::valueOf).toList()))
			.isEqualTo(orphans.size());
		assertThat(Stores.orders(product)).isZero();
		assertThat(Stores.redisStock(product)).isEqualTo(100);
		assertThat(Stores.stock(product)).isEqualTo(new Stores.StockRow(100, 100, 0, 0));
		Stores.assertInvariants(product);
		Faults.awaitOrdersFlow();
	}

}
