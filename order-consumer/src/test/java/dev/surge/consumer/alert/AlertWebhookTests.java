package dev.surge.consumer.alert;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The webhook against a real HTTP server on loopback that fails a given number of times.
 */
class AlertWebhookTests {

	private final AtomicInteger calls = new AtomicInteger();

	private final List<String> delivered = new CopyOnWriteArrayList<>();

	private HttpServer server;

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void retriesUntilTheWebhookTakesTheAlert() throws IOException {
		AlertWebhook webhook = webhookFailing(2);

		webhook.post("{\"productId\":7}".getBytes(StandardCharsets.UTF_8));

		await().atMost(Duration.ofSeconds(10)).until(() -> this.delivered.size() == 1);
		assertThat(this.calls).hasValue(3);
		assertThat(this.delivered).containsExactly("{\"productId\":7}");
		webhook.destroy();
	}

	@Test
	void givesUpAfterThreeAttempts() throws IOException, InterruptedException {
		AlertWebhook webhook = webhookFailing(5);

		webhook.post("{\"productId\":8}".getBytes(StandardCharsets.UTF_8));

		await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.get() == AlertWebhook.ATTEMPTS);
		Thread.sleep(300);
		assertThat(this.calls).hasValue(AlertWebhook.ATTEMPTS);
		assertThat(this.delivered).isEmpty();
		webhook.destroy();
	}

	private AlertWebhook webhookFailing(int failures) throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/alerts", (exchange) -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			boolean fail = this.calls.incrementAndGet() <= failures;
			if (!fail) {
				this.delivered.add(body);
			}
			exchange.sendResponseHeaders(fail ? 503 : 204, -1);
			exchange.close();
		});
		this.server.start();
		URI url = URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/alerts");
		return new AlertWebhook(new AlertProperties(Duration.ofSeconds(5), url), Duration.ofMillis(50));
	}

}
