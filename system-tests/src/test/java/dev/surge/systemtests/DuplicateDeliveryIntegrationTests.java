package dev.surge.systemtests;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

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
 * Kafka delivers at least once: the same record twice must make one order and one stock
 * movement.
 */
@Order(30)
class DuplicateDeliveryIntegrationTests {

	@Test
	void theSameRecordDeliveredTwiceMakesOneOrderAndOneStockMovement() throws Exception {
		long product = Shop.product(10);
		Shop.User buyer = Shop.customer();
		long orderId = 7_000_000_000_000_000_000L + System.nanoTime() % 1_000_000_000L;
		OrderPlaced order = new OrderPlaced(orderId, "SGTEST-" + orderId, buyer.id(),
				List.of(new OrderLine(product, 3)), System.currentTimeMillis());
		// take the reservation as the API would, then deliver its event twice
		SurgeSystem.get()
			.redis()
			.eval(Scripts.RESERVE.source(), ScriptOutputType.MULTI,
					new String[] { RedisKeys.stock(product), RedisKeys.reservations(product) }, Long.toString(orderId),
					"3", Long.toString(order.placedAt()));
		byte[] value = Api.JSON.writerFor(OrderEvent.class).writeValueAsBytes(order);

		try (KafkaProducer<String, byte[]> producer = producer()) {
			producer.send(new ProducerRecord<>(Topics.ORDERS, Long.toString(orderId), value)).get();
			producer.send(new ProducerRecord<>(Topics.ORDERS, Long.toString(orderId), value)).get();
		}

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(Stores.status(orderId)).isEqualTo("PENDING_PAYMENT"));
		Stores.awaitDrained(product);
		// a later record on the same partition proves both copies were consumed
		long marker = Shop.product(1);
		Api.Response after = Shop.api()
			.post("/api/orders", buyer.token(), java.util.Map.of("productId", marker, "quantity", 1));
		assertThat(after.status()).isEqualTo(202);
		Stores.awaitDrained(marker);
		assertThat(Stores.orders(product)).isEqualTo(1);
		assertThat(Stores.stockLogRows(product, "PRELOCK")).isEqualTo(1);
		assertThat(Stores.stock(product)).isEqualTo(new Stores.StockRow(10, 7, 3, 0));
		Stores.assertInvariants(product, marker);
	}

	private static KafkaProducer<String, byte[]> producer() {
		Properties config = new Properties();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SurgeSystem.get().kafkaBootstrapServers());
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		// not idempotent on purpose: these are two distinct records with the same content
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		return new KafkaProducer<>(config);
	}

}
