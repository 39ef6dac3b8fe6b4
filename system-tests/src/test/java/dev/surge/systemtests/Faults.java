package dev.surge.systemtests;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.LongStream;

import dev.surge.devstack.DevServers;
import dev.surge.devstack.StockLedgerAudit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What every fault test checks once the orders in flight have drained: nothing lost,
 * nothing applied twice, nothing oversold, Redis and MySQL agreeing.
 */
final class Faults {

	private Faults() {
	}

	/** Products with this much stock each, created through the admin API. */
	static List<Long> products(int count, int stock) {
		return LongStream.range(0, count).mapToObj((i) -> Shop.product(stock)).toList();
	}

	/**
	 * Waits until every accepted order is in MySQL and no reservation is left, then
	 * asserts: every accepted order was written once and never abandoned; every order
	 * line's stock history agrees with its order's state and the products' locked and
	 * sold units with those histories ({@link StockLedgerAudit}: no order or movement
	 * applied twice, nothing oversold); the stock invariants and a clean
	 * {@code stock-sync check}.
	 */
	static void assertDrainedExactlyOnce(Burst burst, List<Long> products) {
		assertThat(burst.accepted()).as("accepted orders of %s", burst).isNotEmpty();
		await().atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(missing(burst.accepted())).as("accepted orders not in MySQL").isEmpty());
		long[] ids = products.stream().mapToLong(Long::longValue).toArray();
		// the sweeper expires an orphaned reservation after ~20 s
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			for (long product : ids) {
				assertThat(Stores.reservedUnits(product)).as("unclaimed units of product %d", product).isZero();
			}
		});
		assertThat(count("SELECT COUNT(*) FROM abandoned_orders WHERE order_id IN (%s)", burst.accepted()))
			.as("accepted orders abandoned")
			.isZero();
		try (Connection db = SurgeSystem.get().mysql()) {
			StockLedgerAudit.Findings ledger = StockLedgerAudit.read(db, products);
			assertThat(ledger.clean()).as("stock histories of the orders: %s", ledger).isTrue();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		Stores.assertInvariants(ids);
	}

	/**
	 * A local server down in the middle of a burst (the test is skipped on
	 * Testcontainers: {@link SurgeSystem#localServers()}): {@code clients} customers send
	 * {@code total} one-unit orders of the products; after {@code answers} answers
	 * {@code stop} runs, and {@code start} runs {@code down} later. Then every check of
	 * {@link #assertDrainedExactlyOnce}, and orders flow again.
	 */
	static void outageDuringABurst(List<Long> products, int clients, int total, int answers, Consumer<DevServers> stop,
			Duration down, Consumer<DevServers> start) throws InterruptedException {
		DevServers servers = SurgeSystem.get().localServers();
		try (Burst burst = Burst.start(products, clients, total)) {
			burst.awaitAnswers(answers);
			stop.accept(servers);
			try {
				Thread.sleep(down);
			}
			finally {
				start.accept(servers);
			}
			burst.awaitEnd();
			assertDrainedExactlyOnce(burst, products);
		}
		awaitOrdersFlow();
	}

	/** Waits until the system takes orders again (202 for a fresh product). */
	static void awaitOrdersFlow() {
		long product = Shop.product(5);
		Shop.User buyer = Shop.customers(1).get(0);
		await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			Api.Response answer;
			try {
				answer = Shop.api()
					.post("/api/orders", buyer.token(), Map.of("productId", product, "quantity", 1), "Idempotency-Key",
							Shop.idempotencyKey());
			}
			catch (IllegalStateException ex) {
				throw new AssertionError("API not answering: " + ex.getMessage());
			}
			assertThat(answer.status()).as(answer.text()).isEqualTo(202);
		});
		Stores.awaitDrained(product);
	}

	/** Accepted orders that MySQL does not have. */
	static List<Long> missing(Collection<Long> accepted) {
		Map<Long, Boolean> found = new HashMap<>();
		forChunks(accepted, (chunk, in) -> {
			try (Connection db = SurgeSystem.get().mysql();
					PreparedStatement select = db.prepareStatement("SELECT id FROM orders WHERE id IN (" + in + ")")) {
				bind(select, chunk);
				try (ResultSet rs = select.executeQuery()) {
					while (rs.next()) {
						found.put(rs.getLong(1), true);
					}
				}
			}
		});
		return accepted.stream().filter((id) -> !found.containsKey(id)).toList();
	}

	static long count(String sql, Collection<Long> ids) {
		return Sql.count(SurgeSystem.get()::mysql, sql, ids);
	}

	private static void forChunks(Collection<Long> ids, ChunkQuery query) {
		List<Long> all = new ArrayList<>(ids);
		for (int from = 0; from < all.size(); from += 500) {
			List<Long> chunk = all.subList(from, Math.min(all.size(), from + 500));
			try {
				query.run(chunk, String.join(",", java.util.Collections.nCopies(chunk.size(), "?")));
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}
	}

	private static void bind(PreparedStatement statement, List<Long> ids) throws SQLException {
		for (int i = 0; i < ids.size(); i++) {
			statement.setLong(i + 1, ids.get(i));
		}
	}

	private interface ChunkQuery {

		void run(List<Long> chunk, String placeholders) throws SQLException;

	}

}
