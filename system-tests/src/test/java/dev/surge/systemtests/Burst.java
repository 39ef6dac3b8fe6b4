package dev.surge.systemtests;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;

/**
 * Orders in flight for a fault test: {@code clients} concurrent customers each placing
 * one-unit orders of random products, one after the other, until {@code total} were sent
 * or {@link #stop()}. Keeps every answer, and the ids of the accepted orders.
 */
final class Burst implements AutoCloseable {

	private final List<Shop.User> users;

	private final List<Long> products;

	private final int total;

	private final ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();

	private final AtomicBoolean stopped = new AtomicBoolean();

	private final AtomicInteger sent = new AtomicInteger();

	private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();

	private final AtomicLong failures = new AtomicLong();

	private final Set<Long> accepted = ConcurrentHashMap.newKeySet();

	private Burst(List<Shop.User> users, List<Long> products, int total) {
		this.users = users;
		this.products = products;
		this.total = total;
	}

	static Burst start(List<Long> products, int clients, int total) {
		Burst burst = new Burst(Shop.customers(clients), products, total);
		for (int i = 0; i < clients; i++) {
			Shop.User user = burst.users.get(i);
			burst.clients.submit(() -> burst.run(user));
		}
		return burst;
	}

	private void run(Shop.User user) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		while (!this.stopped.get() && this.sent.incrementAndGet() <= this.total) {
			long product = this.products.get(random.nextInt(this.products.size()));
			try {
				Api.Response answer = SurgeSystem.get()
					.api()
					.post("/api/orders", user.token(), Map.of("productId", product, "quantity", 1), "Idempotency-Key",
							Shop.idempotencyKey());
				this.statuses.computeIfAbsent(answer.status(), (status) -> new AtomicLong()).incrementAndGet();
				if (answer.status() == 202) {
					this.accepted.add(Long.parseLong(answer.json().get("orderId").asString()));
				}
				else if (answer.status() >= 500) {
					Thread.sleep(200); // as a client honouring Retry-After would, roughly
				}
			}
			catch (RuntimeException ex) {
				// connection refused or reset: the API process is down
				this.failures.incrementAndGet();
				sleep();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/** Waits until at least {@code count} requests were answered. */
	Burst awaitAnswers(int count) {
		await().atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> answered() >= count || finished());
		return this;
	}

	long answered() {
		return this.statuses.values().stream().mapToLong(AtomicLong::get).sum() + this.failures.get();
	}

	long count(int status) {
		AtomicLong count = this.statuses.get(status);
		return (count != null) ? count.get() : 0;
	}

	Set<Long> accepted() {
		return Set.copyOf(this.accepted);
	}

	private boolean finished() {
		return this.clients.isTerminated();
	}

	/** Lets the clients finish what they are sending and waits for them. */
	Burst stop() {
		this.stopped.set(true);
		return awaitEnd();
	}

	/** Waits until every order was sent (or the burst stopped). */
	Burst awaitEnd() {
		this.clients.shutdown();
		try {
			if (!this.clients.awaitTermination(5, TimeUnit.MINUTES)) {
				throw new IllegalStateException("The clients did not finish: " + this);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return this;
	}

	@Override
	public void close() {
		this.stopped.set(true);
		this.clients.shutdownNow();
	}

	@Override
	public String toString() {
		return "answers " + new java.util.TreeMap<>(this.statuses) + ", failed requests " + this.failures
				+ ", accepted " + this.accepted.size();
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
