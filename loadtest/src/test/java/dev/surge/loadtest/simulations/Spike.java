package dev.surge.loadtest.simulations;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * A ramp to a burst and back: the order rate climbs, holds at the burst, then falls back.
 * One order per arriving user, on a product with stock to spare (no 409 expected).
 */
public class Spike extends Simulation {

	private final int scale = Shop.SMOKE ? 50 : 1;

	private final Shop shop = Shop.start();

	private final List<Map<String, Object>> users = Shop.customers("spike", Shop.SMOKE ? 10 : 200);

	private final long productId = Shop.CLIENT.createProduct(Shop.adminToken(), "Spike " + Shop.RUN, 10_00, 5_000_000);

	private final ScenarioBuilder orders = scenario("spike").feed(listFeeder(this.users).circular())
		.exec(http("order").post("/api/orders")
			.header("Authorization", "Bearer #{token}")
			.header("Idempotency-Key", (session) -> Shop.idempotencyKey())
			.body(StringBody("{\"productId\":" + this.productId + ",\"quantity\":1}"))
			.check(status().is(202)))
		.exec((session) -> {
			if (!session.isFailed()) {
				this.shop.accepted.incrementAndGet();
			}
			return session;
		});

	{
		int base = Math.max(1, 50 / this.scale);
		int burst = Math.max(2, 2_000 / this.scale);
		Duration step = Duration.ofSeconds(Shop.SMOKE ? 1 : 10);
		setUp(this.orders.injectOpen(constantUsersPerSec(base).during(step),
				rampUsersPerSec(base).to(burst).during(step), constantUsersPerSec(burst).during(step),
				rampUsersPerSec(burst).to(base).during(step), constantUsersPerSec(base).during(step)))
			.protocols(Shop.protocol())
			.assertions(global().failedRequests().count().is(0L));
	}

	@Override
	public void after() {
		this.shop.verdict("Spike", Shop.ordersOfUsers(this.users), List.of(this.productId));
	}

}
