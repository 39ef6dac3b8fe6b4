package dev.surge.systemtests;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static dev.surge.systemtests.Shop.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Products and stock administration, low-stock warnings, stats, logs and live events
 * (seeds 000, 002, 004).
 */
@Order(60)
class AdministrationIntegrationTests {

	@Test
	void restockAddsToMySqlThenToTheGateOnce() {
		long product = Shop.product(5);

		Api.Response restock = api().post("/api/admin/products/" + product + "/restock", Shop.admin(),
				Map.of("quantity", 20, "reason", "delivery from supplier"));

		assertThat(restock.status()).as(restock.text()).isEqualTo(202);
		Lifecycle.awaitRedisStock(product, 25);
		assertThat(Stores.stock(product)).isEqualTo(new Stores.StockRow(25, 25, 0, 0));
		Api.Response logs = api().get("/api/admin/logs?type=STOCK&productId=" + product, Shop.admin());
		assertThat(logs.json().get("content").get(0).get("action").asString()).isEqualTo("RESTOCK");
		assertThat(logs.json().get("content").get(0).get("reason").asString()).isEqualTo("delivery from supplier");
		Stores.assertInvariants(product);
	}

	@Test
	void productDetailsChangeAndADeletedProductIsNoLongerSold() {
		long product = Shop.product(5);
		Shop.User buyer = Shop.customer();

		assertThat(api()
			.put("/api/admin/products/" + product, Shop.admin(),
					Map.of("name", "Renamed", "priceCents", 4200, "warningStock", 1))
			.status()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(api().get("/api/products/" + product, null).json().get("name").asString())
				.isEqualTo("Renamed"));

		long order = Lifecycle.place(buyer, product, 1);
		Stores.awaitStatus(order, "PENDING_PAYMENT");
		Api.Response inUse = api().delete("/api/admin/products/" + product, Shop.admin());
		assertThat(inUse.status()).isEqualTo(409);
		assertThat(inUse.json().get("type").asString()).isEqualTo("/problems/product-in-use");

		api().post("/api/orders/" + order + "/cancel", buyer.token(), Map.of("reason", "to delete the product"));
		Stores.awaitStatus(order, "CANCELLED");
		assertThat(api().delete("/api/admin/products/" + product, Shop.admin()).status()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(api().get("/api/products/" + product, null).status()).isEqualTo(404));
		Api.Response gone = api().post("/api/orders", buyer.token(), Map.of("productId", product, "quantity", 1));
		assertThat(gone.status()).isEqualTo(404);
		assertThat(gone.json().get("type").asString()).isEqualTo("/problems/unknown-product");
	}

	@Test
	void lowStockListsProductsUnderTheirWarningLevelAndSoldOutOnesApart() {
		long low = Shop.product(3);
		long soldOut = Shop.product(1);
		Shop.User buyer = Shop.customer();
		Lifecycle.place(buyer, soldOut, 1);
		Stores.awaitDrained(soldOut);

		Api.Response answer = api().get("/api/admin/inventory/low-stock", Shop.admin());

		assertThat(answer.status()).as(answer.text()).isEqualTo(200);
		assertThat(answer.json().get("lowStock").valueStream().map((p) -> p.get("id").asLong())).contains(low)
			.doesNotContain(soldOut);
		assertThat(answer.json().get("outOfStock").valueStream().map((p) -> p.get("id").asLong())).contains(soldOut);
		assertThat(api().get("/api/admin/inventory/low-stock", Shop.customer().token()).status()).isEqualTo(403);
	}

	@Test
	void aDemoResetOutsideTheDemoRunIsRefusedWithAProblemAndChangesNothing() {
		long product = Shop.product(10);
		long order = Lifecycle.place(Shop.customer(), product, 2);
		Stores.awaitStatus(order, "PENDING_PAYMENT");

		Api.Response answer = api().post("/api/admin/demo/reset", Shop.admin(), Map.of());

		assertThat(answer.status()).as(answer.text()).isEqualTo(409);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		assertThat(answer.json().get("type").asString()).isEqualTo("/problems/demo-disabled");
		Lifecycle.settle();
		assertThat(Stores.status(order)).isEqualTo("PENDING_PAYMENT");
		assertThat(Stores.stock(product).locked()).isEqualTo(2);
	}

	@Test
	void statsCountOrdersPerStateAndPerSecond() {
		long product = Shop.product(10);
		Lifecycle.place(Shop.customer(), product, 1);
		Stores.awaitDrained(product);

		Api.Response stats = api().get("/api/admin/stats", Shop.admin());

		assertThat(stats.status()).as(stats.text()).isEqualTo(200);
		assertThat(stats.json().get("ordersByStatus").get("PENDING_PAYMENT").asLong()).isPositive();
		assertThat(stats.json().get("ordersByStatus").has("REFUNDED")).isTrue();
		assertThat(stats.json().get("throughput").size()).isGreaterThan(100);
		assertThat(stats.json().get("products").valueStream().map((p) -> p.get("id").asLong())).contains(product);
	}

	@Test
	void liveEventsShowStockAndOrderChangesToTheirOwner() throws Exception {
		long product = Shop.product(10);
		Shop.User buyer = Shop.customer();
		Shop.User stranger = Shop.customer();
		try (EventStream mine = new EventStream(api(), buyer.token(), Duration.ofSeconds(30));
				EventStream theirs = new EventStream(api(), stranger.token(), Duration.ofSeconds(30))) {
			mine.awaitConnected();
			theirs.awaitConnected();

			long order = Lifecycle.place(buyer, product, 2);

			String orderEvent = mine.awaitLine("\"orderId\":\"" + order + "\"");
			assertThat(orderEvent).contains("PENDING_PAYMENT");
			assertThat(mine.awaitLine("\"productId\":" + product)).contains("\"locked\":2");
			theirs.awaitLine("\"productId\":" + product);
			assertThat(theirs.received()).doesNotContain("\"orderId\":\"" + order + "\"");
		}
	}

}
