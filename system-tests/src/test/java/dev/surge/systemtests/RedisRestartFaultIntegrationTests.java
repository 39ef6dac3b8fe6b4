package dev.surge.systemtests;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import dev.surge.devstack.DevServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis restarted while orders flow: with its data (AOF reloaded) the system carries on;
 * without it the API answers 503 "stock not loaded" — never selling from a missing key —
 * until {@code stock-sync load} runs once the consumer has drained.
 */
@Order(920)
class RedisRestartFaultIntegrationTests {

	@Test
	void redisRestartedWithItsDataDuringABurst() throws InterruptedException {
		Faults.outageDuringABurst(Faults.products(6, 300), 32, 1500, 400, DevServers::stopRedis, Duration.ofSeconds(3),
				DevServers::startRedis);
	}

	@Test
	void redisRestartedEmptyAnswers503UntilStockIsLoaded() throws InterruptedException {
		List<Long> products = Faults.products(6, 300);
		DevServers servers = SurgeSystem.get().localServers();
		Shop.User buyer = Shop.customers(1).get(0);
		try (Burst burst = Burst.start(products, 32, 800)) {
			burst.awaitAnswers(400);
			servers.stopRedis(true);
			try {
				servers.wipeRedisData();
			}
			finally {
				servers.startRedis();
			}
			burst.awaitEnd();
			Api.Response refused = awaitAnswer(buyer, products.get(0), 503);
			assertThat(refused.json().get("detail").asString()).as(refused.text()).contains("not loaded");
			assertThat(Stores.redisStock(products.get(0))).isNull();
			// load once the consumer has written every accepted order (it runs on a quiet
			// consumer)
			await().atMost(Duration.ofSeconds(120))
				.pollInterval(Duration.ofSeconds(1))
				.untilAsserted(() -> assertThat(Faults.missing(burst.accepted())).isEmpty());
			Thread.sleep(2000);
			SurgeSystem.CommandResult load = SurgeSystem.get().stockSync("load");
			assertThat(load.exitCode()).as(load.output()).isZero();
			awaitAnswer(buyer, products.get(0), 202);
			Faults.assertDrainedExactlyOnce(burst, products);
		}
		Faults.awaitOrdersFlow();
	}

	private static Api.Response awaitAnswer(Shop.User buyer, long product, int status) {
		Api.Response[] last = new Api.Response[1];
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			last[0] = Shop.api()
				.post("/api/orders", buyer.token(), Map.of("productId", product, "quantity", 1), "Idempotency-Key",
						Shop.idempotencyKey());
			assertThat(last[0].status()).as(last[0].text()).isEqualTo(status);
		});
		return last[0];
	}

}
