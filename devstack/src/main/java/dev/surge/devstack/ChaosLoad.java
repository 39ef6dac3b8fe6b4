package dev.surge.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The chaos run's customers: each places orders (one product, one unit, one in ten two)
 * with a fresh Idempotency-Key against the API instances in turn, and follows some of its
 * accepted orders with a payment (mostly successful, some failed or timed out) or a
 * cancellation, so that every kind of stock return happens while the faults do.
 */
final class ChaosLoad {

	private static final Pattern ORDER_ID = Pattern.compile("\"orderId\"\\s*:\\s*\"?(\\d+)");

	private static final List<String> PAYMENT_OUTCOMES = List.of("FAILURE", "TIMEOUT");

	private final Settings settings;

	private final HttpClient http;

	private final Supplier<List<Integer>> apiPorts;

	private final BooleanSupplier faultsDone;

	private final Consumer<String> log;

	private final Map<String, AtomicLong> answers = new ConcurrentHashMap<>();

	private final Set<Long> accepted = ConcurrentHashMap.newKeySet();

	private final AtomicLong sent = new AtomicLong();

	private final AtomicLong nextSlot = new AtomicLong();

	ChaosLoad(Settings settings, HttpClient http, Supplier<List<Integer>> apiPorts, BooleanSupplier faultsDone,
			Consumer<String> log) {
		this.settings = settings;
		this.http = http;
		this.apiPorts = apiPorts;
		this.faultsDone = faultsDone;
		this.log = log;
	}

	/**
	 * Runs one client per token until enough orders were sent and the faults are done.
	 */
	void run(List<String> tokens, List<Long> productIds) throws InterruptedException {
		ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
		for (int i = 0; i < tokens.size(); i++) {
			int client = i;
			clients.submit(() -> client(client, tokens.get(client), productIds));
		}
		clients.shutdown();
		long lastReport = System.nanoTime();
		while (!clients.awaitTermination(1, TimeUnit.SECONDS)) {
			if (System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(15)) {
				lastReport = System.nanoTime();
				this.log.accept("progress: %d orders sent, %s".formatted(this.sent.get(), answers()));
			}
		}
	}

	/** Orders sent so far. */
	long sent() {
		return this.sent.get();
	}

	/** Ids of the orders answered 202. */
	Set<Long> accepted() {
		return this.accepted;
	}

	/** Answers by request kind and status. */
	Map<String, Long> answers() {
		Map<String, Long> counts = new TreeMap<>();
		this.answers.forEach((answer, count) -> counts.put(answer, count.get()));
		return counts;
	}

	private void client(int client, String token, List<Long> productIds) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		int attempt = client;
		while (this.sent.get() < this.settings.orders() || !this.faultsDone.getAsBoolean()) {
			pace();
			long product = productIds.get(random.nextInt(productIds.size()));
			int quantity = (random.nextInt(10) == 0) ? 2 : 1;
			List<Integer> ports = this.apiPorts.get();
			int port = ports.get(Math.floorMod(attempt++, ports.size()));
			this.sent.incrementAndGet();
			String body = "{\"productId\":" + product + ",\"quantity\":" + quantity + "}";
			HttpResponse<String> answer = send("order", port, "/api/orders", token, body, true);
			Matcher id = (answer != null && answer.statusCode() == 202) ? ORDER_ID.matcher(answer.body()) : null;
			if (id != null && id.find()) {
				long orderId = Long.parseLong(id.group(1));
				this.accepted.add(orderId);
				followUp(random, port, token, orderId);
			}
			else if (answer == null || answer.statusCode() >= 500 || answer.statusCode() == 429) {
				sleep(Duration.ofMillis(200));
			}
			if (Thread.currentThread().isInterrupted()) {
				return;
			}
		}
	}

	/** Pays some accepted orders at once, and cancels some, paid or not. */
	private void followUp(ThreadLocalRandom random, int port, String token, long orderId) {
		String path = "/api/orders/" + orderId;
		if (random.nextInt(100) < this.settings.payPercent()) {
			String outcome = (random.nextInt(10) == 0) ? PAYMENT_OUTCOMES.get(random.nextInt(2)) : "SUCCESS";
			send("pay", port, path + "/payment", token, "{\"outcome\":\"" + outcome + "\"}", false);
		}
		if (random.nextInt(100) < this.settings.cancelPercent()) {
			send("cancel", port, path + "/cancel", token, "{\"reason\":\"chaos\"}", false);
		}
	}

	private @Nullable HttpResponse<String> send(String kind, int port, String path, String token, String body,
			boolean idempotent) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (idempotent) {
			request.header("Idempotency-Key", UUID.randomUUID().toString());
		}
		try {
			HttpResponse<String> answer = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			count(kind + " " + answer.statusCode());
			return answer;
		}
		catch (IOException ex) {
			count(kind + " connection failed");
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	private void pace() {
		if (this.settings.rate() <= 0) {
			return;
		}
		long interval = TimeUnit.SECONDS.toNanos(1) / this.settings.rate();
		long slot = this.nextSlot.accumulateAndGet(System.nanoTime(), (last, now) -> Math.max(last + interval, now));
		long wait = slot - System.nanoTime();
		if (wait > 0) {
			sleep(Duration.ofNanos(wait));
		}
	}

	private void count(String answer) {
		this.answers.computeIfAbsent(answer, (key) -> new AtomicLong()).incrementAndGet();
	}

	static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * What the customers do.
	 *
	 * @param orders orders to send at least
	 * @param rate orders per second in all, 0 for as fast as answered
	 * @param payPercent share of accepted orders paid at once
	 * @param cancelPercent share of accepted orders then cancelled
	 */
	record Settings(int orders, int rate, int payPercent, int cancelPercent) {
	}

}
