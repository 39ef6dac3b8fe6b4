package dev.surge.loadtest.simulations;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.doIfOrElse;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * A steady shop: customers browse the catalogue, place multi-item orders, wait until the
 * consumer took the order (PENDING_PAYMENT), then pay (70 %) or cancel (30 %). Users and
 * tokens are created before the measured window; the products are the ones the shop has.
 */
public class SteadyShop extends Simulation {

	private final int customers = Shop.SMOKE ? 5 : 100;

	private final Shop shop = Shop.start();

	private final List<Map<String, Object>> users = Shop.customers("steady", this.customers);

	private final List<Long> products = Shop.CLIENT.productIds();

	private final ScenarioBuilder shoppers = scenario("steady shop").feed(listFeeder(this.users).circular())
		.exec(http("catalogue").get("/api/products").check(status().is(200)))
		.exec(http("product").get((session) -> "/api/products/" + randomProduct()).check(status().is(200)))
		.exec(http("place order").post("/api/orders")
			.header("Authorization", "Bearer #{token}")
			.header("Idempotency-Key", (session) -> Shop.idempotencyKey())
			.body(StringBody((session) -> basket()))
			.check(status().in(202, 409).saveAs("status"))
			.check(jsonPath("$.orderId").optional().saveAs("orderId")))
		.doIf((session) -> session.getInt("status") == 202)
		.then(exec((session) -> {
			this.shop.accepted.incrementAndGet();
			return session.set("orderStatus", "ACCEPTED");
		}).asLongAs((session) -> "ACCEPTED".equals(session.getString("orderStatus")), "poll")
			.on(exec(http("order status").get("/api/orders/#{orderId}")
				.header("Authorization", "Bearer #{token}")
				.check(status().is(200))
				.check(jsonPath("$.status").saveAs("orderStatus"))).exitHereIf((session) -> session.getInt("poll") > 50)
				.pause(Duration.ofMillis(200)))
			.doIf((session) -> "PENDING_PAYMENT".equals(session.getString("orderStatus")))
			.then(doIfOrElse((session) -> ThreadLocalRandom.current().nextInt(10) < 7)
				.then(exec(http("pay").post("/api/orders/#{orderId}/payment")
					.header("Authorization", "Bearer #{token}")
					.body(StringBody("{\"outcome\":\"SUCCESS\"}"))
					.check(status().is(202))))
				.orElse(exec(http("cancel").post("/api/orders/#{orderId}/cancel")
					.header("Authorization", "Bearer #{token}")
					.body(StringBody("{\"reason\":\"changed my mind\"}"))
					.check(status().is(202))))));

	{
		setUp(this.shoppers.injectOpen(Shop.SMOKE ? constantUsersPerSec(2).during(Duration.ofSeconds(3))
				: constantUsersPerSec(20).during(Duration.ofSeconds(60))))
			.protocols(Shop.protocol())
			.assertions(global().failedRequests().count().is(0L));
	}

	/** One to three different products, one or two units each. */
	private String basket() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		int lines = Math.min(this.products.size(), 1 + random.nextInt(3));
		return random.ints(0, this.products.size())
			.distinct()
			.limit(lines)
			.mapToObj(
					(i) -> "{\"productId\":" + this.products.get(i) + ",\"quantity\":" + (1 + random.nextInt(2)) + "}")
			.collect(Collectors.joining(",", "{\"items\":[", "]}"));
	}

	private long randomProduct() {
		return this.products.get(ThreadLocalRandom.current().nextInt(this.products.size()));
	}

	@Override
	public void after() {
		this.shop.verdict("SteadyShop", Shop.ordersOfUsers(this.users), List.of());
	}

}
