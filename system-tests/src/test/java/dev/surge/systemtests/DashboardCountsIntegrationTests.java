package dev.surge.systemtests;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static dev.surge.systemtests.Shop.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operations dashboard's order counts ({@code GET /api/admin/stats}) are MySQL's, the
 * paid count included, after a run that leaves orders in many states.
 */
@Order(62)
class DashboardCountsIntegrationTests {

	@Test
	void theDashboardCountsAreMySqlsAfterAMixedRun() {
		long product = Shop.product(20);
		Shop.User buyer = Shop.customer();
		long pending = Lifecycle.place(buyer, product, 1);
		long paid = Lifecycle.place(buyer, product, 1);
		long failed = Lifecycle.place(buyer, product, 1);
		long cancelled = Lifecycle.place(buyer, product, 1);
		Lifecycle.completed(buyer, product, 1);
		assertThat(api().post("/api/orders", buyer.token(), Map.of("productId", product, "quantity", 50)).status())
			.isEqualTo(409);
		Stores.awaitStatus(pending, "PENDING_PAYMENT");
		Lifecycle.pay(buyer, paid, "SUCCESS");
		Lifecycle.pay(buyer, failed, "FAILURE");
		Stores.awaitStatus(cancelled, "PENDING_PAYMENT");
		Lifecycle.cancel(buyer, cancelled, "no");
		Stores.awaitStatus(paid, "AWAITING_FULFILMENT");
		Stores.awaitStatus(failed, "CANCELLED");
		Stores.awaitStatus(cancelled, "CANCELLED");

		// compared at a moment MySQL did not change around the read (earlier tests'
		// timers may still run)
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			Counts before = Counts.read();
			Api.Response stats = api().get("/api/admin/stats", Shop.admin());
			Counts after = Counts.read();
			assertThat(after).isEqualTo(before);
			assertThat(stats.status()).as(stats.text()).isEqualTo(200);
			Map<String, Long> shown = new TreeMap<>();
			stats.json().get("ordersByStatus").properties().forEach((entry) -> {
				if (entry.getValue().asLong() != 0) {
					shown.put(entry.getKey(), entry.getValue().asLong());
				}
			});
			assertThat(shown).isEqualTo(before.byStatus());
			assertThat(stats.json().get("paid").asLong()).isEqualTo(before.paid());
		});
		assertThat(Counts.read().paid()).isGreaterThanOrEqualTo(2);
	}

	record Counts(Map<String, Long> byStatus, long paid) {

		static Counts read() {
			Map<String, Long> byStatus = new TreeMap<>();
			try (Connection db = SurgeSystem.get().mysql(); Statement statement = db.createStatement()) {
				try (ResultSet rs = statement.executeQuery("SELECT status, COUNT(*) FROM orders GROUP BY status")) {
					while (rs.next()) {
						byStatus.put(rs.getString(1), rs.getLong(2));
					}
				}
				try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM orders WHERE paid_at IS NOT NULL")) {
					rs.next();
					return new Counts(byStatus, rs.getLong(1));
				}
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
