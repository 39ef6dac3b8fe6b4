package dev.surge.systemtests;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import dev.surge.contracts.RedisKeys;

import static dev.surge.systemtests.Shop.api;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code stock-sync check} on a live shop: while orders are placed, paid, cancelled and
 * expired (every kind of stock return), it compares each product at one consistent point
 * and reports no drift; a drift made on purpose is found, while the orders go on.
 */
@Order(891)
class LiveStockCheckIntegrationTests {

	@Test
	void staysCleanWhileOrdersMoveStockAndFindsADriftMadeOnPurpose() throws InterruptedException {
		List<Long> products = Faults.products(3, 3000);
		SurgeSystem system = SurgeSystem.get();
		try (Burst burst = Burst.start(products, 8, 1500); Churn churn = Churn.start(products, 4)) {
			List<SurgeSystem.CommandResult> checks = new ArrayList<>();
			while (checks.size() < 6 || churn.returns() < 20) {
				checks.add(system.stockSync("check"));
				assertThat(checks.size()).as("stock returns so far: %d", churn.returns()).isLessThan(40);
			}
			assertThat(checks).allSatisfy((check) -> assertThat(check.exitCode()).as(check.output()).isZero());

			long drifting = products.get(0);
			system.redis().incrby(RedisKeys.stock(drifting), 3);
			SurgeSystem.CommandResult found = system.stockSync("check", "--json");
			assertThat(found.exitCode()).as(found.output()).isEqualTo(1);
			assertThat(found.output()).contains("\"productId\":" + drifting + ",")
				.contains("Redis stock drifts by +3")
				.contains("\"dirty\":1,\"driftUnits\":3");
			SurgeSystem.CommandResult fix = system.stockSync("reconcile", "--fix", "--product",
					Long.toString(drifting));
			assertThat(fix.exitCode()).as(fix.output()).isZero();
			assertThat(fix.output()).contains("FIXED");

			churn.stop();
			burst.awaitEnd();
			Faults.assertDrainedExactlyOnce(burst, products);
		}
	}

	/**
	 * Customers who place orders and then pay (some payments fail), cancel before or
	 * after paying, let the payment deadline pass, or do nothing.
	 */
	private static final class Churn implements AutoCloseable {

		private final ExecutorService customers = Executors.newVirtualThreadPerTaskExecutor();

		private final AtomicBoolean stopped = new AtomicBoolean();

		private final AtomicLong returns = new AtomicLong();

		static Churn start(List<Long> products, int customers) {
			Churn churn = new Churn();
			for (Shop.User customer : Shop.customers(customers)) {
				churn.customers.submit(() -> churn.run(customer, products));
			}
			return churn;
		}

		/** Orders whose units were sent back to sale (cancelled, failed, expired). */
		long returns() {
			return this.returns.get();
		}

		private void run(Shop.User customer, List<Long> products) {
			ThreadLocalRandom random = ThreadLocalRandom.current();
			while (!this.stopped.get()) {
				long product = products.get(random.nextInt(products.size()));
				Api.Response placed = api().post("/api/orders", customer.token(),
						Map.of("productId", product, "quantity", 1 + random.nextInt(3)), "Idempotency-Key",
						Shop.idempotencyKey());
				if (placed.status() != 202) {
					pause();
					continue;
				}
				long order = Long.parseLong(placed.json().get("orderId").asString());
				switch (random.nextInt(6)) {
					case 0 -> command(customer, order, "payment", Map.of("outcome", "SUCCESS"), false);
					case 1 -> command(customer, order, "payment", Map.of("outcome", "FAILURE"), true);
					case 2 -> command(customer, order, "cancel", Map.of("reason", "changed my mind"), true);
					case 3 -> {
						command(customer, order, "payment", Map.of("outcome", "SUCCESS"), false);
						Stores.awaitStatus(order, "AWAITING_FULFILMENT");
						command(customer, order, "cancel", Map.of("reason", "found it cheaper"), true);
					}
					case 4 -> {
						Stores.awaitStatus(order, "PENDING_PAYMENT");
						Stores.expire(List.of(order));
						this.returns.incrementAndGet();
					}
					default -> {
						// left unpaid
					}
				}
			}
		}

		private void command(Shop.User customer, long order, String path, Map<String, String> body,
				boolean returnsStock) {
			Api.Response answer = api().post("/api/orders/" + order + "/" + path, customer.token(), body);
			if (answer.status() == 202 && returnsStock) {
				this.returns.incrementAndGet();
			}
		}

		private static void pause() {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		void stop() throws InterruptedException {
			this.stopped.set(true);
			this.customers.shutdown();
			assertThat(this.customers.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
		}

		@Override
		public void close() {
			this.stopped.set(true);
			this.customers.shutdownNow();
		}

	}

}
