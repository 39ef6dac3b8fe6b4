package dev.surge.systemtests;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static dev.surge.systemtests.Shop.api;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Races over hundreds of orders with real concurrency: every order ends in exactly one
 * state and every unit of stock is counted once, in MySQL and in Redis.
 */
@Order(50)
class OrderRaceIntegrationTests {

	private static final int ORDERS = 200;

	@BeforeAll
	static void twoConsumerInstances() {
		SurgeSystem.get().ensureTwoConsumers();
	}

	@Test
	void paymentRacingCancelCountsEachUnitOnce() {
		long product = Shop.product(ORDERS);
		List<Shop.User> buyers = Shop.customers(ORDERS);
		List<Long> orders = placeOnePerBuyer(product, buyers);

		List<CompletableFuture<Api.Response>> requests = new ArrayList<>();
		for (int i = 0; i < ORDERS; i++) {
			String path = "/api/orders/" + orders.get(i);
			requests.add(api().postAsync(path + "/payment", buyers.get(i).token(), Map.of("outcome", "SUCCESS")));
			requests.add(api().postAsync(path + "/cancel", buyers.get(i).token(), Map.of("reason", "race")));
		}
		CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).join();

		Map<String, Long> states = awaitSettled(product, "AWAITING_FULFILMENT", "CANCELLED");
		long paid = states.getOrDefault("AWAITING_FULFILMENT", 0L);
		Lifecycle.assertStockSettles(product, new Stores.StockRow(ORDERS, ORDERS - paid, 0, paid));
	}

	@Test
	void paymentRacingExpiryCountsEachUnitOnce() {
		long product = Shop.product(ORDERS);
		List<Shop.User> buyers = Shop.customers(ORDERS);
		List<Long> orders = placeOnePerBuyer(product, buyers);

		Stores.expire(orders);
		api().postConcurrently(ORDERS, (i) -> api().postAsync("/api/orders/" + orders.get(i) + "/payment",
				buyers.get(i).token(), Map.of("outcome", "SUCCESS")));

		Map<String, Long> states = awaitSettled(product, "AWAITING_FULFILMENT", "CANCELLED");
		long paid = states.getOrDefault("AWAITING_FULFILMENT", 0L);
		Lifecycle.assertStockSettles(product, new Stores.StockRow(ORDERS, ORDERS - paid, 0, paid));
		assertThat(Stores.stockLogRows(product, "RELEASE")).isEqualTo(ORDERS - paid);
	}

	@Test
	void cancelSentTwiceReleasesOnce() {
		long product = Shop.product(ORDERS);
		List<Shop.User> buyers = Shop.customers(ORDERS);
		List<Long> orders = placeOnePerBuyer(product, buyers);

		api().postConcurrently(2 * ORDERS, (i) -> api().postAsync("/api/orders/" + orders.get(i / 2) + "/cancel",
				buyers.get(i / 2).token(), Map.of("reason", "twice")));

		awaitSettled(product, "CANCELLED");
		Lifecycle.assertStockSettles(product, new Stores.StockRow(ORDERS, ORDERS, 0, 0));
		assertThat(Stores.stockLogRows(product, "RELEASE")).isEqualTo(ORDERS);
	}

	@Test
	void refundApprovedTwiceReturnsOnce() {
		int count = 20;
		long product = Shop.product(count);
		Shop.User buyer = Shop.customer();
		List<Long> orders = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			long order = Lifecycle.completed(buyer, product, 1);
			Lifecycle.requestRefund(buyer, order, "faulty");
			orders.add(order);
		}
		orders.forEach((order) -> Stores.awaitStatus(order, "AFTER_SALE"));

		api().postConcurrently(2 * count,
				(i) -> api().postAsync("/api/admin/orders/" + orders.get(i / 2) + "/refund-decision", Shop.admin(),
						Map.of("approve", true, "reason", "returned")));

		awaitSettled(product, "REFUNDED");
		Lifecycle.assertStockSettles(product, new Stores.StockRow(count, count, 0, 0));
		assertThat(Stores.stockLogRows(product, "REFUND_RETURN")).isEqualTo(count);
	}

	private static List<Long> placeOnePerBuyer(long product, List<Shop.User> buyers) {
		List<Api.Response> answers = api().postConcurrently(buyers.size(), (i) -> api().postAsync("/api/orders",
				buyers.get(i).token(), Map.of("productId", product, "quantity", 1)));
		assertThat(answers).extracting(Api.Response::status).containsOnly(202);
		List<Long> orders = answers.stream()
			.map((answer) -> Long.parseLong(answer.json().get("orderId").asString()))
			.toList();
		Stores.awaitDrained(product);
		orders.forEach((order) -> Stores.awaitStatus(order, "PENDING_PAYMENT"));
		return orders;
	}

	/**
	 * Waits until every order of the product is in one of the final states of the race.
	 */
	private static Map<String, Long> awaitSettled(long product, String... finalStates) {
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(90))
			.pollInterval(java.time.Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(Stores.statesOf(product).keySet()).isSubsetOf(List.of(finalStates)));
		Lifecycle.settle();
		Map<String, Long> states = Stores.statesOf(product);
		assertThat(states.keySet()).isSubsetOf(List.of(finalStates));
		return states;
	}

}
