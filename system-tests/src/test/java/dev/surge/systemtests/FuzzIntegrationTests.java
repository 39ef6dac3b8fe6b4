package dev.surge.systemtests;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 10,000 hostile requests from a seeded generator against the running API: malformed,
 * truncated and deeply nested JSON, wrong types, huge and negative numbers, odd Unicode,
 * injection strings, huge bodies with and without a length, wrong methods and content
 * types, missing and forged tokens, other customers' orders. No answer may be a 5xx,
 * every answer is a problem document of the expected status, and MySQL and Redis are
 * exactly as before (except the security log, rate-limit buckets and keys that expired by
 * their own TTL meanwhile).
 */
@Order(85)
class FuzzIntegrationTests {

	private static final int REQUESTS = 10_000;

	private static final long SEED = Long.getLong("surge.fuzz.seed", 20261123L);

	@Test
	void tenThousandHostileRequestsChangeNothingAndGetProblems() throws Exception {
		Shop.User owner = Shop.customer();
		List<Shop.User> attackers = Shop.customers(20);
		long product = Shop.product(50);
		long order = Lifecycle.place(owner, product, 2);
		Stores.awaitStatus(order, "PENDING_PAYMENT");
		Stores.awaitDrained(product);
		StoreSnapshot before = StoreSnapshot.settled();
		long securityRows = securityLogRows();
		FuzzGenerator generator = new FuzzGenerator(new SplittableRandom(SEED), attackers, owner, order, product);
		List<FuzzCase> cases = new ArrayList<>();
		for (int i = 0; i < REQUESTS; i++) {
			cases.add(generator.next());
		}

		Map<Integer, AtomicInteger> byStatus = new ConcurrentHashMap<>();
		Map<String, AtomicInteger> byKind = new ConcurrentHashMap<>();
		ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
		long started = System.nanoTime();
		send(cases, (fuzzCase, answer) -> {
			byStatus.computeIfAbsent(answer.status(), (s) -> new AtomicInteger()).incrementAndGet();
			byKind.computeIfAbsent(fuzzCase.kind(), (k) -> new AtomicInteger()).incrementAndGet();
			String failure = check(fuzzCase, answer);
			if (failure != null) {
				failures.add(failure);
			}
		});
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		System.out.printf("Fuzz run (seed %d): %d requests in %d s%n", SEED, cases.size(), took.toSeconds());
		System.out.println("Fuzz answers by status: " + new TreeMap<>(byStatus));
		System.out.println("Fuzz requests by kind: " + new TreeMap<>(byKind));
		assertThat(failures.stream().limit(30).toList()).as("unexpected answers (%d, first 30 shown)", failures.size())
			.isEmpty();
		assertThat(byStatus.keySet()).allMatch((status) -> status < 500);
		StoreSnapshot after = StoreSnapshot.settled();
		before.assertUnchangedIn(after);
		assertThat(securityLogRows()).as("invalid tokens and denied access were logged").isGreaterThan(securityRows);
		Stores.assertInvariants(product);
	}

	private static String check(FuzzCase fuzzCase, Api.Response answer) {
		String context = fuzzCase.describe() + " -> " + answer.status() + " " + FuzzCase.abbreviate(answer.text());
		if (answer.status() >= 500) {
			return "5xx: " + context;
		}
		if (answer.status() != 429 && !fuzzCase.expected().contains(answer.status())) {
			return "expected " + fuzzCase.expected() + ": " + context;
		}
		if (answer.status() < 400) {
			return null;
		}
		String type = answer.contentType();
		if (type == null || !type.startsWith("application/problem+json")) {
			return "not a problem document: " + context;
		}
		JsonNode problem;
		try {
			problem = answer.json();
		}
		catch (RuntimeException ex) {
			return "unreadable problem: " + context;
		}
		if (!problem.path("type").asString("").startsWith("/problems/") || problem.path("title").asString("").isEmpty()
				|| problem.path("status").asInt() != answer.status()) {
			return "incomplete problem: " + context;
		}
		String text = answer.text();
		if (text.contains("Exception") || text.contains("at dev.surge") || text.contains("at org.")
				|| text.contains("java.") || text.contains("SQL")) {
			return "internal detail leaked: " + context;
		}
		return null;
	}

	private static void send(List<FuzzCase> cases, java.util.function.BiConsumer<FuzzCase, Api.Response> onAnswer)
			throws InterruptedException {
		Semaphore inFlight = new Semaphore(48);
		String base = Shop.api().url("");
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			for (FuzzCase fuzzCase : cases) {
				inFlight.acquire();
				executor.submit(() -> {
					try {
						onAnswer.accept(fuzzCase, Http.send(base, fuzzCase.method(), fuzzCase.path(), fuzzCase.body(),
								fuzzCase.chunked(), fuzzCase.headers()));
					}
					catch (RuntimeException ex) {
						onAnswer.accept(fuzzCase, new Api.Response(599, Map.of(), "client failure: " + ex));
					}
					finally {
						inFlight.release();
					}
				});
			}
		}
	}

	private static long securityLogRows() throws SQLException {
		try (Connection db = SurgeSystem.get().mysql();
				Statement statement = db.createStatement();
				ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM security_log")) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
