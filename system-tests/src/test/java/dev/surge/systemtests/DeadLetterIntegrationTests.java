package dev.surge.systemtests;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ScriptOutputType;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import dev.surge.contracts.OrderEvent;
import dev.surge.contracts.OrderLine;
import dev.surge.contracts.OrderPlaced;
import dev.surge.contracts.RedisKeys;
import dev.surge.contracts.Scripts;
import dev.surge.contracts.Topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code stock-sync dlt list} shows what the consumer dead-lettered with its exception;
 * {@code dlt replay} resubmits a dead letter once, and the consumer applies it once
 * however often it is forced.
 */
@Order(895)
class DeadLetterIntegrationTests {

	@Test
	void listsAPoisonRecordWithItsException() throws Exception {
		String key = Long.toString(System.nanoTime());
		send(Topics.ORDERS, key, "not an order".getBytes(StandardCharsets.UTF_8), Map.of());

		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
			SurgeSystem.CommandResult list = SurgeSystem.get().stockSync("dlt", "list");
			assertThat(list.exitCode()).as(list.output()).isZero();
			assertThat(lineOf(list.output(), key)).contains("orders.v1-").contains("Exception");
		});
	}

	@Test
	void replaysADeadLetterOnceAndTheConsumerAppliesItOnce() throws Exception {
		long product = Shop.product(20);
		Shop.User buyer = Shop.customers(1).get(0);
		long orderId = System.currentTimeMillis() << 20;
		SurgeSystem.get()
			.redis()
			.eval(Scripts.RESERVE.source(), ScriptOutputType.MULTI,
					new String[] { RedisKeys.stock(product), RedisKeys.reservations(product) }, Long.toString(orderId),
					"3", Long.toString(Lifecycle.beyondTheSweeper()));
		OrderPlaced placed = new OrderPlaced(orderId, "SG-DLT-" + orderId, buyer.id(),
				List.of(new OrderLine(product, 3)), System.currentTimeMillis());
		send(Topics.ORDERS_DLT, Long.toString(orderId), Api.JSON.writerFor(OrderEvent.class).writeValueAsBytes(placed),
				Map.of("kafka_dlt-original-topic", Topics.ORDERS, "kafka_dlt-exception-fqcn",
						"java.lang.IllegalStateException", "kafka_dlt-exception-message", "simulated"));
		String id = lineOf(SurgeSystem.get().stockSync("dlt", "list").output(), Long.toString(orderId))
			.split("\\s+")[0];

		SurgeSystem.CommandResult replay = SurgeSystem.get().stockSync("dlt", "replay", "--id", id);
		assertThat(replay.exitCode()).as(replay.output()).isZero();
		assertThat(replay.output()).contains("replayed 1, skipped 0");
		Stores.awaitStatus(orderId, "PENDING_PAYMENT");

		SurgeSystem.CommandResult again = SurgeSystem.get().stockSync("dlt", "replay", "--id", id);
		assertThat(again.output()).as(again.output()).contains("replayed 0, skipped 1");
		SurgeSystem.CommandResult forced = SurgeSystem.get().stockSync("dlt", "replay", "--id", id, "--force");
		assertThat(forced.output()).as(forced.output()).contains("replayed 1");
		assertThat(SurgeSystem.get().stockSync("dlt", "list").output()).contains(id);

		Stores.awaitDrained(product);
		Thread.sleep(2000);
		assertThat(Stores.orders(product)).isEqualTo(1);
		assertThat(Stores.stockLogRows(product, "PRELOCK")).isEqualTo(1);
		assertThat(Stores.stock(product)).isEqualTo(new Stores.StockRow(20, 17, 3, 0));
		Stores.assertInvariants(product);
	}

	private static String lineOf(String output, String key) {
		return output.lines()
			.filter((line) -> line.contains(key))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no dead letter " + key + " in:\n" + output));
	}

	private static void send(String topic, String key, byte[] value, Map<String, String> headers) throws Exception {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				SurgeSystem.get().kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all");
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
				new ByteArraySerializer())) {
			ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
			headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
			producer.send(record).get(30, TimeUnit.SECONDS);
		}
	}

}
