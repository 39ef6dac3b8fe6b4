package dev.surge.loadtest.simulations;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import dev.surge.loadtest.client.Ledger;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Many customers, one hot product with limited stock: each orders one unit at a time
 * until the product is sold out (409). Users, tokens and the product are created before
 * the measured window. Afterwards: units sold against stock, orders in MySQL against
 * 202s, and how long the consumer took to drain.
 */
public class FlashSale extends Simulation {

	private final int customers = Shop.SMOKE ? 10 : 500;

	private final int stock = Shop.SMOKE ? 30 : 2_000;

	private final Shop shop = Shop.start();

	private final List<Map<String, Object>> users = Shop.customers("flash", this.customers);

	private final long productId = Shop.CLIENT.createProduct(Shop.adminToken(), "Flash sale " + Shop.RUN, 99_00,
			this.stock);

	private final ScenarioBuilder buyers = scenario("flash sale").feed(listFeeder(this.users).circular())
		.exec((session) -> session.set("soldOut", false))
		.exec(asLongAs((session) -> !session.getBoolean("soldOut"), "attempt")
			.on(exec(http("order hot product").post("/api/orders")
				.header("Authorization", "Bearer #{token}")
				.header("Idempotency-Key", (session) -> Shop.idempotencyKey())
				.body(StringBody("{\"productId\":" + this.productId + ",\"quantity\":1}"))
				.check(status().in(202, 409).saveAs("status"))).exec((session) -> {
					if (session.getInt("status") == 202) {
						this.shop.accepted.incrementAndGet();
					}
					return session.set("soldOut", session.getInt("status") == 409 || session.getInt("attempt") > 50);
				})));

	{
		setUp(this.buyers.injectOpen(rampUsers(this.customers).during(Duration.ofSeconds(Shop.SMOKE ? 1 : 5))))
			.protocols(Shop.protocol())
			.assertions(global().failedRequests().count().is(0L));
	}

	@Override
	public void after() {
		this.shop.verdict("FlashSale (stock " + this.stock + ")", this::orders, List.of(this.productId));
	}

	private long orders() {
		try (Ledger ledger = Shop.ledger()) {
			return Ledger.all(ledger.ordersOfProduct(this.productId));
		}
	}

}
