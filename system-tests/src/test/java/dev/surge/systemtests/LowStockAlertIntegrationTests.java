package dev.surge.systemtests;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static dev.surge.systemtests.Shop.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The one low-stock rule (available at or below the warning level) from an order to the
 * alert webhook (a real HTTP receiver) and the operations dashboard: its live alert, the
 * low-stock report and the product's {@code lowStock} flag.
 */
@Order(63)
class LowStockAlertIntegrationTests {

	@Test
	void anOrderThatReachesTheWarningLevelAlertsTheWebhookAndTheDashboard() throws Exception {
		// warning level 5 (Shop.product): 6 units are not low, 5 are
		long product = Shop.product(6);
		assertThat(api().get("/api/products/" + product, null).json().get("lowStock").asBoolean()).isFalse();
		// the checks that saw it not low have run: a later alert comes from the order
		await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(6)).until(() -> true);
		assertThat(webhookCalls(product)).isZero();

		try (EventStream dashboard = new EventStream(api(), Shop.admin(), Duration.ofSeconds(60))) {
			dashboard.awaitConnected();
			Lifecycle.place(Shop.customer(), product, 1);

			String alert = dashboard.awaitLine("\"productId\":" + product + ",\"name\"");
			assertThat(alert).contains("\"available\":5", "\"warningStock\":5");
		}
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(webhookCalls(product)).isEqualTo(1));
		String body = SurgeSystem.get()
			.alerts()
			.bodies()
			.stream()
			.filter((call) -> call.contains("\"productId\":" + product + ","))
			.findFirst()
			.orElseThrow();
		assertThat(body).contains("\"available\":5", "\"warningStock\":5");
		Api.Response report = api().get("/api/admin/inventory/low-stock", Shop.admin());
		assertThat(report.json().get("lowStock").valueStream().map((p) -> p.get("id").asLong())).contains(product);
		assertThat(api().get("/api/products/" + product, null).json().get("lowStock").asBoolean()).isTrue();
		// once per crossing: staying low does not call again
		Lifecycle.place(Shop.customer(), product, 1);
		Stores.awaitDrained(product);
		await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(6)).until(() -> true);
		assertThat(webhookCalls(product)).isEqualTo(1);
	}

	@Test
	void aWarningLevelOfZeroAlertsWhenSoldOut() {
		Api.Response created = api().post("/api/admin/products", Shop.admin(), Map.of("name", "Zero level", "imageUrl",
				"/img/products/1.svg", "priceCents", 100, "warningStock", 0, "initialStock", 1));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		long product = created.json().get("id").asLong();
		assertThat(api().get("/api/products/" + product, null).json().get("lowStock").asBoolean()).isFalse();

		Lifecycle.place(Shop.customer(), product, 1);

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(webhookCalls(product)).isEqualTo(1));
		assertThat(api().get("/api/products/" + product, null).json().get("lowStock").asBoolean()).isTrue();
	}

	private static long webhookCalls(long product) {
		return SurgeSystem.get()
			.alerts()
			.bodies()
			.stream()
			.filter((call) -> call.contains("\"productId\":" + product + ","))
			.count();
	}

}
