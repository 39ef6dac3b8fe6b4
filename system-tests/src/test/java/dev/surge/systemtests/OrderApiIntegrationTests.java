package dev.surge.systemtests;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import dev.surge.contracts.RedisKeys;

import static dev.surge.systemtests.Shop.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The HTTP contract of order placement and reading: answers, problems, idempotency,
 * access.
 */
@Order(5)
class OrderApiIntegrationTests {

	@Test
	void anAcceptedOrderIsReadableAndBecomesPendingPayment() {
		long product = Shop.product(20, 2500);
		Shop.User buyer = Shop.customer();

		Api.Response accepted = api().post("/api/orders", buyer.token(), Map.of("productId", product, "quantity", 3));

		assertThat(accepted.status()).isEqualTo(202);
		String orderId = accepted.json().get("orderId").asString();
		assertThat(accepted.json().get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(accepted.json().get("orderNo").asString()).startsWith("SG");
		assertThat(accepted.header("Location")).isEqualTo("/api/orders/" + orderId);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			Api.Response order = api().get("/api/orders/" + orderId, buyer.token());
			assertThat(order.status()).isEqualTo(200);
			assertThat(order.json().get("status").asString()).isEqualTo("PENDING_PAYMENT");
			assertThat(order.json().get("totalCents").asLong()).isEqualTo(7500);
			assertThat(order.json().get("items").get(0).get("quantity").asInt()).isEqualTo(3);
			assertThat(order.json().get("history").get(0).get("to").asString()).isEqualTo("PENDING_PAYMENT");
		});
		// the API's in-flight copy goes once MySQL holds the order
		await().atMost(Duration.ofSeconds(10))
			.until(() -> SurgeSystem.get().redis().exists(RedisKeys.inFlight(Long.parseLong(orderId))) == 0);
		Api.Response mine = api().get("/api/orders?size=5", buyer.token());
		assertThat(mine.json().get("content").get(0).get("orderId").asString()).isEqualTo(orderId);
		assertThat(api().get("/api/products/" + product, null).json().get("locked").asLong()).isEqualTo(3);
		Stores.assertInvariants(product);
	}

	@Test
	void theSameIdempotencyKeyAndBodyReturnTheFirstAnswer() {
		long product = Shop.product(10);
		Shop.User buyer = Shop.customer();
		String key = Shop.idempotencyKey();
		Map<String, Object> body = Map.of("productId", product, "quantity", 2);

		Api.Response first = api().post("/api/orders", buyer.token(), body, "Idempotency-Key", key);
		Api.Response again = api().post("/api/orders", buyer.token(), body, "Idempotency-Key", key);

		assertThat(first.status()).isEqualTo(202);
		assertThat(again.status()).isEqualTo(202);
		assertThat(again.json().get("orderId")).isEqualTo(first.json().get("orderId"));
		Stores.awaitDrained(product);
		assertThat(Stores.stock(product).locked()).isEqualTo(2);
		assertThat(Stores.orders(product)).isEqualTo(1);
		Stores.assertInvariants(product);
	}

	@Test
	void aDoubleClickWithOneIdempotencyKeyMakesOneOrder() {
		long product = Shop.product(50);
		Shop.User buyer = Shop.customer();
		String key = Shop.idempotencyKey();

		List<Api.Response> answers = api().postConcurrently(20, (i) -> api().postAsync("/api/orders", buyer.token(),
				Map.of("productId", product, "quantity", 1), "Idempotency-Key", key));

		assertThat(answers).extracting(Api.Response::status).containsOnly(202, 409);
		assertThat(answers.stream()
			.filter((answer) -> answer.status() == 202)
			.map((answer) -> answer.json().get("orderId").asString())
			.distinct()).hasSize(1);
		answers.stream()
			.filter((answer) -> answer.status() == 409)
			.forEach((answer) -> assertThat(answer.json().get("type").asString())
				.isEqualTo("/problems/request-in-flight"));
		Stores.awaitDrained(product);
		assertThat(Stores.orders(product)).isEqualTo(1);
		Stores.assertInvariants(product);
	}

	@Test
	void theSameIdempotencyKeyWithAnotherBodyIsRejected() {
		long product = Shop.product(10);
		Shop.User buyer = Shop.customer();
		String key = Shop.idempotencyKey();
		api().post("/api/orders", buyer.token(), Map.of("productId", product, "quantity", 1), "Idempotency-Key", key);

		Api.Response reused = api().post("/api/orders", buyer.token(), Map.of("productId", product, "quantity", 2),
				"Idempotency-Key", key);

		assertThat(reused.status()).isEqualTo(422);
		assertThat(reused.json().get("type").asString()).isEqualTo("/problems/idempotency-key-reused");
		Stores.awaitDrained(product);
		assertThat(Stores.stock(product).locked()).isEqualTo(1);
	}

	@Test
	void invalidRequestsGetProblemsAndChangeNothing() {
		long product = Shop.product(10);
		Shop.User buyer = Shop.customer();
		List<String> bodies = List.of("{\"productId\":" + product + ",\"quantity\":0}",
				"{\"productId\":" + product + ",\"quantity\":-3}", "{\"productId\":" + product + "}",
				"{\"productId\":" + product + ",\"quantity\":1,\"price\":1}", "{\"productId\":\"x\",\"quantity\":1}",
				"{\"productId\":" + product + ",\"quantity\":100000}", "{\"items\":[]}", "{not json",
				"{\"items\":[{\"productId\":" + product + ",\"quantity\":1},{\"productId\":" + product
						+ ",\"quantity\":1}]}",
				"");

		for (String body : bodies) {
			Api.Response answer = api().raw("POST", "/api/orders", buyer.token(), "application/json", body);
			String context = body + " -> " + answer.text();
			assertThat(answer.status()).as(context).isEqualTo(400);
			assertThat(answer.contentType()).as(context).startsWith("application/problem+json");
			assertThat(answer.json().path("type").asString()).as(context).isEqualTo("/problems/invalid-request");
			assertThat(answer.text()).doesNotContain("Exception").doesNotContain("at dev.surge");
		}
		Api.Response wrongType = api().raw("POST", "/api/orders", buyer.token(), "text/plain", "hello");
		assertThat(wrongType.status()).isEqualTo(415);
		Api.Response badKey = api().post("/api/orders", buyer.token(), Map.of("productId", product, "quantity", 1),
				"Idempotency-Key", "bad key!");
		assertThat(badKey.status()).isEqualTo(400);
		assertThat(Stores.redisStock(product)).isEqualTo(10);
		assertThat(Stores.orders(product)).isZero();
	}

	@Test
	void aRefusedMultiItemOrderNamesEveryShortProduct() {
		long plenty = Shop.product(10);
		long few = Shop.product(2);
		long none = Shop.product(1);
		Shop.User buyer = Shop.customer();
		api().post("/api/orders", buyer.token(), Map.of("productId", none, "quantity", 1));

		Api.Response answer = api().post("/api/orders", buyer.token(),
				Map.of("items", List.of(Map.of("productId", none, "quantity", 1),
						Map.of("productId", plenty, "quantity", 3), Map.of("productId", few, "quantity", 5))));

		assertThat(answer.status()).isEqualTo(409);
		assertThat(answer.json().get("type").asString()).isEqualTo("/problems/out-of-stock");
		List<String> shortages = answer.json()
			.get("shortages")
			.valueStream()
			.map((shortage) -> shortage.get("productId").asLong() + ":" + shortage.get("requested").asInt() + ":"
					+ shortage.get("available").asLong())
			.toList();
		assertThat(shortages).containsExactlyInAnyOrder(few + ":5:2", none + ":1:0");
		assertThat(answer.json().get("detail").asString()).contains("product " + few, "product " + none);
		// nothing stays taken, the plentiful line included
		assertThat(Stores.redisStock(plenty)).isEqualTo(10);
		assertThat(Stores.redisStock(few)).isEqualTo(2);
		Stores.awaitDrained(none);
		Stores.assertInvariants(plenty);
		Stores.assertInvariants(few);
		Stores.assertInvariants(none);
	}

	@Test
	void anUnknownProductIsNotFound() {
		Api.Response answer = api().post("/api/orders", Shop.customer().token(),
				Map.of("productId", 987_654_321, "quantity", 1));

		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.json().get("type").asString()).isEqualTo("/problems/unknown-product");
	}

	@Test
	void stockThatIsNotLoadedIsNeverSold() {
		long product = Shop.product(10);
		SurgeSystem.get().redis().del(RedisKeys.stock(product));

		Api.Response answer = api().post("/api/orders", Shop.customer().token(),
				Map.of("productId", product, "quantity", 1));

		assertThat(answer.status()).isEqualTo(503);
		assertThat(answer.header("Retry-After")).isNotNull();
		assertThat(Stores.redisStock(product)).isNull();
		SurgeSystem.CommandResult load = SurgeSystem.get().stockSync("load", "--product", Long.toString(product));
		assertThat(load.exitCode()).as(load.output()).isZero();
		assertThat(Stores.redisStock(product)).isEqualTo(10);
		Stores.assertInvariants(product);
	}

	@Test
	void customersSeeOnlyTheirOwnOrders() {
		long product = Shop.product(10);
		Shop.User owner = Shop.customer();
		Shop.User other = Shop.customer();
		String orderId = api().post("/api/orders", owner.token(), Map.of("productId", product, "quantity", 1))
			.json()
			.get("orderId")
			.asString();

		assertThat(api().get("/api/orders/" + orderId, other.token()).status()).isEqualTo(404);
		assertThat(api().get("/api/orders/" + orderId, owner.token()).status()).isEqualTo(200);
		assertThat(api().get("/api/orders", other.token()).json().get("totalElements").asLong()).isZero();
	}

	@Test
	void accessNeedsAValidTokenAndAdminNeedsTheAdminRole() {
		Shop.User customer = Shop.customer();
		Map<String, Object> product = Map.of("name", "x", "priceCents", 1, "warningStock", 0, "initialStock", 1);

		assertThat(api().post("/api/orders", null, Map.of("productId", 1, "quantity", 1)).status()).isEqualTo(401);
		assertThat(api().get("/api/orders", "not-a-token").status()).isEqualTo(401);
		assertThat(api().get("/api/orders", Shop.token(customer.id(), customer.username(), "ADMIN") + "x").status())
			.isEqualTo(401);
		Api.Response forbidden = api().post("/api/admin/products", customer.token(), product);
		assertThat(forbidden.status()).isEqualTo(403);
		assertThat(forbidden.contentType()).startsWith("application/problem+json");
		assertThat(
				api().post("/api/auth/token", null, Map.of("username", customer.username(), "password", "wrong-pass"))
					.status())
			.isEqualTo(401);
	}

}
