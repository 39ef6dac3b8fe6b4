package dev.surge.systemtests;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static dev.surge.systemtests.Shop.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kafka down: the API answers 503 with Retry-After and gives the reserved stock back.
 * Runs last: it stops the shared broker (and starts it again).
 */
@Order(1000)
class KafkaOutageIntegrationTests {

	@Test
	void whenKafkaIsDownOrdersGet503AndTheStockIsGivenBack() {
		long product = Shop.product(10);
		Shop.User buyer = Shop.customer();
		SurgeSystem system = SurgeSystem.get();

		system.infrastructure().devServers().stopKafka(true);
		try {
			Api.Response answer = api().post("/api/orders", buyer.token(), Map.of("productId", product, "quantity", 4),
					"Idempotency-Key", Shop.idempotencyKey());

			assertThat(answer.status()).isEqualTo(503);
			assertThat(answer.header("Retry-After")).isNotNull();
			assertThat(answer.json().get("type").asString()).isEqualTo("/problems/unavailable");
			assertThat(Stores.redisStock(product)).isEqualTo(10);
			assertThat(Stores.reservedUnits(product)).isZero();
		}
		finally {
			system.infrastructure().devServers().startKafka();
		}

		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
			Api.Response retry = api().post("/api/orders", buyer.token(), Map.of("productId", product, "quantity", 4),
					"Idempotency-Key", Shop.idempotencyKey());
			assertThat(retry.status()).isEqualTo(202);
		});
		Stores.awaitDrained(product);
		assertThat(Stores.stock(product)).isEqualTo(new Stores.StockRow(10, 6, 4, 0));
		Stores.assertInvariants(product);
	}

}
