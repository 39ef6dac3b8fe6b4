package dev.surge.systemtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Orders from concurrent customers, each sending one after the other through the two APIs
 * in turn: a third of them with two products, the others with one, one unit each. Keeps
 * every answer per API, and the products of each accepted order.
 */
final class ClusterBurst implements AutoCloseable {

	private final List<Api> apis;

	private final List<Long> products;

	private final int total;

	private final AtomicInteger sent = new AtomicInteger();

	private final ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();

	private final Map<String, AtomicLong> statuses = new ConcurrentHashMap<>();

	private final AtomicLong failures = new AtomicLong();

	private final Map<Long, List<Long>> accepted = new ConcurrentHashMap<>();

	ClusterBurst(List<Api> apis, List<Shop.User> customers, List<Long> products, int total) {
		this.apis = apis;
		this.products = products;
		this.total = total;
		for (Shop.User customer : customers) {
			this.clients.submit(() -> run(customer));
		}
	}

	private void run(Shop.User customer) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		int n;
		while ((n = this.sent.incrementAndGet()) <= this.total) {
			int api = n % 2;
			List<Long> lines = new ArrayList<>(List.of(this.products.get(random.nextInt(this.products.size()))));
			if (n % 3 == 0) {
				long second = this.products.get(random.nextInt(this.products.size()));
				if (second != lines.get(0)) {
					lines.add(second);
				}
			}
			List<Map<String, Object>> items = lines.stream()
				.map((product) -> Map.<String, Object>of("productId", product, "quantity", 1))
				.toList();
			try {
				Api.Response answer = this.apis.get(api)
					.post("/api/orders", customer.token(), Map.of("items", items), "Idempotency-Key",
							UUID.randomUUID().toString());
				this.statuses.computeIfAbsent(answer.status() + "@" + api, (key) -> new AtomicLong()).incrementAndGet();
				if (answer.status() == 202) {
					this.accepted.put(Long.parseLong(answer.json().get("orderId").asString()), lines);
				}
				else if (answer.status() >= 500) {
					Thread.sleep(200);
				}
			}
			catch (RuntimeException ex) {
				this.failures.incrementAndGet();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	void awaitAnswers(long count) {
		await().atMost(Duration.ofSeconds(180))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> answered() >= count || this.sent.get() > this.total);
	}

	void awaitEnd() throws InterruptedException {
		this.clients.shutdown();
		assertThat(this.clients.awaitTermination(5, TimeUnit.MINUTES)).as("clients finished: %s", this).isTrue();
	}

	long answered() {
		return this.statuses.values().stream().mapToLong(AtomicLong::get).sum() + this.failures.get();
	}

	long count(int status, int api) {
		AtomicLong count = this.statuses.get(status + "@" + api);
		return (count != null) ? count.get() : 0;
	}

	/** Requests whose order may exist though not answered 202: 5xx and no answer. */
	long unsure() {
		return this.failures.get() + this.statuses.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().startsWith("5"))
			.mapToLong((entry) -> entry.getValue().get())
			.sum();
	}

	Map<Long, List<Long>> accepted() {
		return Map.copyOf(this.accepted);
	}

	@Override
	public void close() {
		this.clients.shutdownNow();
	}

	@Override
	public String toString() {
		return "answers (status@api) " + new TreeMap<>(this.statuses) + ", failed requests " + this.failures
				+ ", accepted " + this.accepted.size();
	}

}
