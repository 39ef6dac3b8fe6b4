package dev.surge.systemtests;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import dev.surge.devstack.DevServers;

import static dev.surge.systemtests.Shop.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kafka down: the API answers 503 with Retry-After. The publish timed out, so the record
 * might still be in the log: the API keeps the reservation and leaves it to the sweeper,
 * whose {@code ReservationExpired} lets the consumer give the stock back once Kafka is
 * up. Health shows the breaker. Runs last: it stops the shared broker (and starts it
 * again).
 */
@Order(1000)
class KafkaOutageIntegrationTests {

	@Test
	void whenKafkaIsDownOrdersGet503AndTheStockIsGivenBack() {
		SurgeSystem system = SurgeSystem.get();
		DevServers servers = system.localServers();
		long product = Shop.product(10);
		Shop.User buyer = Shop.customer();

		// a breaker left open by an earlier test would answer before trying Kafka
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(kafkaBreaker()).isEqualTo("CLOSED"));
		servers.stopKafka(true);
		try {
			Api.Response answer = api().post("/api/orders", buyer.token(), Map.of("productId", product, "quantity", 4),
					"Idempotency-Key", Shop.idempotencyKey());

			assertThat(answer.status()).isEqualTo(503);
			assertThat(answer.header("Retry-After")).isNotNull();
			assertThat(answer.json().get("type").asString()).isEqualTo("/problems/unavailable");
			assertThat(answer.json().get("detail").asString()).contains("may still be placed");
			assertThat(Stores.redisStock(product)).isEqualTo(6);
			assertThat(Stores.reservedUnits(product)).isEqualTo(4);
		}
		finally {
			servers.startKafka();
		}

		// the sweeper's ReservationExpired reaches the consumer, which finds no
		// OrderPlaced
		// before it and releases the units
		await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			assertThat(Stores.reservedUnits(product)).isZero();
			assertThat(Stores.redisStock(product)).isEqualTo(10);
		});
		assertThat(Stores.stock(product)).isEqualTo(new Stores.StockRow(10, 10, 0, 0));
		assertThat(api().get("/actuator/prometheus", null).text()).contains("resilience4j_circuitbreaker_state");

		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
			Api.Response retry = api().post("/api/orders", buyer.token(), Map.of("productId", product, "quantity", 4),
					"Idempotency-Key", Shop.idempotencyKey());
			assertThat(retry.status()).isEqualTo(202);
		});
		Stores.awaitDrained(product);
		assertThat(Stores.stock(product)).isEqualTo(new Stores.StockRow(10, 6, 4, 0));
		Stores.assertInvariants(product);
	}

	private static String kafkaBreaker() {
		return api().get("/actuator/health", Shop.admin())
			.json()
			.at("/components/circuitBreakers/details/kafka/details/state")
			.asString();
	}

}
