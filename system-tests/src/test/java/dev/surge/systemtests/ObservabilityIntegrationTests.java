package dev.surge.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static dev.surge.systemtests.Shop.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator sees of real orders: one trace from the API through Kafka to the
 * consumer's MySQL write, and the business meters on {@code /actuator/prometheus}.
 */
@Order(75)
class ObservabilityIntegrationTests {

	@Test
	void theConsumersWorkOnAnOrderContinuesTheApisTrace() {
		TraceReceiver traces = SurgeSystem.get().traces();
		long product = Shop.product(10);
		Shop.User buyer = Shop.customer();
		// a client that traces its own calls: sampled, whatever the services' probability
		String traceId = traces.watchNewTrace();
		String parentSpan = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());

		Api.Response accepted = api().post("/api/orders", buyer.token(), Map.of("productId", product, "quantity", 1),
				"traceparent", "00-" + traceId + "-" + parentSpan + "-01");

		assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
		String orderId = accepted.json().get("orderId").asString();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			List<TraceReceiver.ReceivedSpan> spans = traces.spansOf(traceId);
			assertThat(spans).anySatisfy((span) -> {
				assertThat(span.service()).isEqualTo("order-api");
				assertThat(span.attributes()).containsEntry("uri", "/api/orders").containsEntry("method", "POST");
			});
			assertThat(spans).anySatisfy((span) -> {
				assertThat(span.service()).isEqualTo("order-api");
				assertThat(span.name()).isEqualTo("orders.v1 send");
			});
			assertThat(spans).anySatisfy((span) -> {
				assertThat(span.service()).isEqualTo("order-consumer");
				assertThat(span.name()).isEqualTo("orders.v1 process");
				assertThat(span.attributes()).containsEntry("surge.order.id", orderId);
			});
		});
		Stores.awaitStatus(Long.parseLong(orderId), "PENDING_PAYMENT");
	}

	@Test
	void realOrdersShowInTheBusinessMeters() {
		SurgeSystem system = SurgeSystem.get();
		Metrics before = Metrics.scrape(api().url("/actuator/prometheus"));
		long soldOutSoon = Shop.product(1);
		Shop.User buyer = Shop.customer();

		long paid = Lifecycle.place(buyer, soldOutSoon, 1);
		Api.Response soldOut = api().post("/api/orders", buyer.token(),
				Map.of("productId", soldOutSoon, "quantity", 1));
		Api.Response tooMany = api().post("/api/orders", buyer.token(),
				Map.of("productId", Shop.product(2), "quantity", 3));
		Stores.awaitStatus(paid, "PENDING_PAYMENT");
		Lifecycle.pay(buyer, paid, "SUCCESS");
		Stores.awaitStatus(paid, "AWAITING_FULFILMENT");
		assertThat(system.stockSync("reconcile").exitCode()).isIn(0, 1);

		assertThat(soldOut.status()).isEqualTo(409);
		assertThat(tooMany.status()).isEqualTo(409);
		Metrics api = Metrics.scrape(api().url("/actuator/prometheus"));
		assertThat(api.value("surge_orders_placed_seconds_count", "outcome=\"accepted\"")
				- before.value("surge_orders_placed_seconds_count", "outcome=\"accepted\""))
			.isGreaterThanOrEqualTo(1);
		assertThat(api.value("surge_orders_placed_seconds_count", "outcome=\"sold_out\"")
				- before.value("surge_orders_placed_seconds_count", "outcome=\"sold_out\""))
			.isGreaterThanOrEqualTo(1);
		assertThat(api.value("surge_orders_placed_seconds_count", "outcome=\"out_of_stock\"")
				- before.value("surge_orders_placed_seconds_count", "outcome=\"out_of_stock\""))
			.isGreaterThanOrEqualTo(1);
		assertThat(api.has("surge_reservations_expired_total")).isTrue();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			Metrics consumer = Metrics.scrape(system.consumerUrl() + "/actuator/prometheus");
			assertThat(consumer.value("surge_orders_intake_total", "status=\"PENDING_PAYMENT\"")).isGreaterThan(0);
			assertThat(consumer.value("surge_orders_commands_total", "action=\"PAYMENT_SUCCESS\"")).isGreaterThan(0);
			assertThat(consumer.has("surge_dlt_records{topic=\"orders.v1-dlt\"")).isTrue();
			assertThat(consumer.has("kafka_consumer_fetch_manager_records_lag_max")).isTrue();
			assertThat(consumer.value("surge_reconcile_last_run_seconds", "")).isGreaterThan(0);
		});
	}

	/** A Prometheus text exposition, read line by line. */
	private record Metrics(List<String> lines) {

		private static final HttpClient CLIENT = HttpClient.newHttpClient();

		static Metrics scrape(String url) {
			try {
				HttpResponse<String> response = CLIENT.send(
						HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
						HttpResponse.BodyHandlers.ofString());
				assertThat(response.statusCode()).as(url).isEqualTo(200);
				return new Metrics(response.body().lines().filter((line) -> !line.startsWith("#")).toList());
			}
			catch (IOException ex) {
				throw new IllegalStateException(url + ": " + ex, ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		boolean has(String prefix) {
			return this.lines.stream().anyMatch((line) -> line.startsWith(prefix));
		}

		/** The sum over the series of the metric whose labels contain the text. */
		double value(String name, String label) {
			return this.lines.stream()
				.filter((line) -> line.startsWith(name + "{") || line.startsWith(name + " "))
				.filter((line) -> line.contains(label))
				.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
				.sum();
		}

	}

}
