package dev.surge.loadtest.simulations;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.gatling.javaapi.http.HttpProtocolBuilder;

import dev.surge.loadtest.client.Ledger;
import dev.surge.loadtest.client.SurgeClient;

import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * What the simulations share: where the system is (system properties, defaults are the
 * ports of {@code ./run.sh}), set-up before the measured window, the count of 202s, and
 * the verdict after it.
 */
final class Shop {

	static final String BASE_URL = System.getProperty("surge.baseUrl", "http://127.0.0.1:8080");

	static final String JDBC_URL = System.getProperty("surge.jdbcUrl",
			"jdbc:mysql://127.0.0.1:13306/surge?useSSL=false&allowPublicKeyRetrieval=true");

	static final String REDIS_URI = System.getProperty("surge.redisUri", "redis://127.0.0.1:16379");

	/** {@code smoke}: a few seconds and a handful of users, to prove the script works. */
	static final boolean SMOKE = "smoke".equals(System.getProperty("surge.load", "full"));

	static final SurgeClient CLIENT = new SurgeClient(BASE_URL);

	/** Distinguishes this run's users and products from earlier runs'. */
	static final String RUN = Long.toString(System.currentTimeMillis() % 10_000_000, 36);

	final AtomicLong accepted = new AtomicLong();

	private final long startedAt = System.nanoTime();

	private Shop() {
	}

	static Shop start() {
		return new Shop();
	}

	static HttpProtocolBuilder protocol() {
		return http.baseUrl(BASE_URL)
			.acceptHeader("application/json")
			.contentTypeHeader("application/json")
			.shareConnections();
	}

	static String adminToken() {
		return CLIENT.token(System.getProperty("surge.admin.username", "admin"),
				System.getProperty("surge.admin.password", "surge-admin"));
	}

	/** Registers the customers and logs them in, before the measured window. */
	static List<Map<String, Object>> customers(String name, int count) {
		return CLIENT.customers(name + RUN, count)
			.stream()
			.map((c) -> Map.<String, Object>of("userId", c.id(), "token", c.token()))
			.toList();
	}

	static String idempotencyKey() {
		return UUID.randomUUID().toString();
	}

	/**
	 * Waits until MySQL holds as many orders as were answered 202, then prints the
	 * oversell verdict and how long the consumer took to drain.
	 * @param what the simulation
	 * @param ordersInMysql counts the orders of this run in MySQL
	 * @param products the products to check, or none for all
	 */
	void verdict(String what, LongSupplier ordersInMysql, Collection<Long> products) {
		long endedAt = System.nanoTime();
		long expected = this.accepted.get();
		long inMysql = ordersInMysql.getAsLong();
		long deadline = endedAt + Duration.ofSeconds(60).toNanos();
		while (inMysql < expected && System.nanoTime() < deadline) {
			sleep();
			inMysql = ordersInMysql.getAsLong();
		}
		double drained = (System.nanoTime() - endedAt) / 1e9;
		try (Ledger ledger = ledger()) {
			Ledger.StockVerdict stock = ledger.stock(products);
			System.out.printf("%n=== %s verdict ===%n", what);
			System.out.printf("202 answers: %d; orders in MySQL: %d%s%n", expected, inMysql,
					(inMysql == expected) ? " (all there)" : " (MISMATCH)");
			System.out.printf("consumer drained %.1f s after the last request (%.0f s after the start)%n", drained,
					(System.nanoTime() - this.startedAt) / 1e9);
			System.out.printf("stock: %s%n%n", stock);
			if (!stock.ok()) {
				throw new IllegalStateException(what + ": oversold " + stock.oversold() + " units");
			}
		}
	}

	/** Orders of the given users, any status. */
	static LongSupplier ordersOfUsers(List<Map<String, Object>> customers) {
		List<Long> ids = customers.stream().map((c) -> (Long) c.get("userId")).toList();
		return () -> {
			try (Ledger ledger = ledger()) {
				return Ledger.all(ledger.ordersOfUsers(ids));
			}
		};
	}

	static Ledger ledger() {
		return new Ledger(JDBC_URL, System.getProperty("surge.dbUser", "surge"),
				System.getProperty("surge.dbPassword", "surge"), REDIS_URI);
	}

	private static void sleep() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
