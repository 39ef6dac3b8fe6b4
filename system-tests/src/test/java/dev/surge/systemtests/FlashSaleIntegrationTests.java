package dev.surge.systemtests;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static dev.surge.systemtests.Shop.api;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The concurrency scenarios of seed 002, with real concurrent requests against the
 * running system, then the invariants on both stores.
 */
@Order(10)
class FlashSaleIntegrationTests {

	@Test
	void twoConcurrentOrdersOfSixAgainstTenUnitsSellOnlyOne() {
		long product = Shop.product(10);
		List<Shop.User> buyers = Shop.customers(2);

		List<Api.Response> answers = api().postConcurrently(2, (i) -> api().postAsync("/api/orders",
				buyers.get(i).token(), Map.of("productId", product, "quantity", 6)));

		assertThat(answers).extracting(Api.Response::status).containsExactlyInAnyOrder(202, 409);
		Api.Response refused = answers.stream().filter((answer) -> answer.status() == 409).findFirst().orElseThrow();
		assertThat(refused.json().get("type").asString()).isEqualTo("/problems/out-of-stock");
		assertThat(refused.json().get("requested").asInt()).isEqualTo(6);
		assertThat(refused.json().get("available").asInt()).isEqualTo(4);
		Stores.awaitDrained(product);
		assertThat(Stores.stock(product)).isEqualTo(new Stores.StockRow(10, 4, 6, 0));
		Stores.assertInvariants(product);
	}

	@Test
	void hundredUsersEachBuyingOneOfHundredAreAllAccepted() {
		long product = Shop.product(100);
		List<Shop.User> buyers = Shop.customers(100);

		List<Api.Response> answers = api().postConcurrently(100,
				(i) -> api().postAsync("/api/orders", buyers.get(i).token(),
						Map.of("productId", product, "quantity", 1), "Idempotency-Key", Shop.idempotencyKey()));

		assertThat(answers).extracting(Api.Response::status).containsOnly(202);
		assertThat(answers).extracting((answer) -> answer.json().get("orderId").asString()).doesNotHaveDuplicates();
		Stores.awaitDrained(product);
		assertThat(Stores.stock(product)).isEqualTo(new Stores.StockRow(100, 0, 100, 0));
		assertThat(Stores.orders(product, "PENDING_PAYMENT")).isEqualTo(100);
		assertThat(Stores.redisStock(product)).isZero();
		Stores.assertInvariants(product);
	}

	@Test
	void thousandConcurrentOrdersForHundredUnitsSellExactlyHundred() {
		long product = Shop.product(100);
		List<Shop.User> buyers = Shop.customers(50);

		List<Api.Response> answers = api().postConcurrently(1000, (i) -> api().postAsync("/api/orders",
				buyers.get(i % buyers.size()).token(), Map.of("productId", product, "quantity", 1)));

		assertThat(answers.stream().collect(Collectors.groupingBy(Api.Response::status, Collectors.counting())))
			.as("answers by status, one refusal: %s",
					answers.stream()
						.filter((answer) -> answer.status() != 202 && answer.status() != 409)
						.map((answer) -> answer.status() + " " + answer.text())
						.findFirst())
			.isEqualTo(Map.of(202, 100L, 409, 900L));
		Stores.awaitDrained(product);
		assertThat(Stores.orders(product, "PENDING_PAYMENT")).isEqualTo(100);
		assertThat(Stores.orders(product)).isEqualTo(100);
		assertThat(Stores.stock(product)).isEqualTo(new Stores.StockRow(100, 0, 100, 0));
		assertThat(Stores.stockLogRows(product, "PRELOCK")).isEqualTo(100);
		Stores.assertInvariants(product);
	}

	@Test
	void multiItemOrdersUnderContentionAreAllOrNothing() {
		long scarce = Shop.product(30);
		long plenty = Shop.product(1000);
		List<Shop.User> buyers = Shop.customers(20);

		List<Api.Response> answers = api().postConcurrently(200, (i) -> api()
			.postAsync("/api/orders", buyers.get(i % buyers.size()).token(), Map.of("items",
					List.of(Map.of("productId", plenty, "quantity", 2), Map.of("productId", scarce, "quantity", 1)))));

		long accepted = answers.stream().filter((answer) -> answer.status() == 202).count();
		assertThat(accepted).isEqualTo(30);
		Stores.awaitDrained(scarce, plenty);
		assertThat(Stores.stock(scarce)).isEqualTo(new Stores.StockRow(30, 0, 30, 0));
		assertThat(Stores.stock(plenty)).isEqualTo(new Stores.StockRow(1000, 1000 - 2 * accepted, 2 * accepted, 0));
		Stores.assertInvariants(scarce, plenty);
	}

}
