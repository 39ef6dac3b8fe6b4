package dev.surge.systemtests;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import dev.surge.devstack.DevServers;

import static dev.surge.systemtests.Shop.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A request whose publish timed out (503: Kafka did not confirm the order in time) and is
 * retried with the same Idempotency-Key places at most one order and leaks no
 * reservation. The broker is frozen while the first request waits, so its record reaches
 * the broker but is written only after the producer gave up: it lands late. The retry is
 * told to wait (409) while that order's fate is open, then answers the one order, or, had
 * the record been lost, places one new order once the sweeper gave the first reservation
 * back.
 */
@Order(945)
class IdempotencyAcrossTimeoutsIntegrationTests {

	@Test
	void aRetryOfAnOrderKafkaDidNotConfirmPlacesAtMostOneOrder() {
		DevServers servers = SurgeSystem.get().localServers();
		long product = Shop.product(10);
		Shop.User buyer = Shop.customer();
		String key = Shop.idempotencyKey();
		Map<String, Object> body = Map.of("productId", product, "quantity", 1);

		Api.Response first;
		servers.freezeKafka(true);
		try {
			first = api().post("/api/orders", buyer.token(), body, "Idempotency-Key", key);
		}
		finally {
			servers.freezeKafka(false);
		}
		assertThat(first.status()).as(first.text()).isEqualTo(503);
		assertThat(first.json().path("detail").asString()).contains("may still be placed");

		AtomicReference<Api.Response> retried = new AtomicReference<>();
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> {
			Api.Response retry = api().post("/api/orders", buyer.token(), body, "Idempotency-Key", key);
			assertThat(retry.status()).as(retry.text()).isIn(202, 409, 503);
			retried.set(retry);
			return retry.status() == 202;
		});
		String orderId = retried.get().json().path("orderId").asString();
		Stores.awaitStatus(Long.parseLong(orderId), "PENDING_PAYMENT");
		Lifecycle.settle();

		Api.Response again = api().post("/api/orders", buyer.token(), body, "Idempotency-Key", key);
		assertThat(again.status()).as(again.text()).isEqualTo(202);
		assertThat(again.json().path("orderId").asString()).isEqualTo(orderId);
		assertThat(Stores.orders(product)).as("orders of the product").isEqualTo(1);
		Lifecycle.awaitRedisStock(product, 9);
		Stores.assertInvariants(product);
		System.out.printf("Unconfirmed order: %s; the retry answered order %s (%s)%n", first.json().path("detail"),
				orderId, first.json().path("detail").asString().contains(orderId) ? "the first one, landed late"
						: "a new one: the first was abandoned");
	}

}
