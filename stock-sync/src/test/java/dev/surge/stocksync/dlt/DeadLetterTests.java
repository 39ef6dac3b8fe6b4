package dev.surge.stocksync.dlt;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterTests {

	@Test
	void readsTheRecoverersHeaders() {
		ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("orders.v1-dlt", 0, 12, "77",
				"{\"type\":\"OrderPlaced\",\"orderId\":77}".getBytes(StandardCharsets.UTF_8));
		record.headers().add(DeadLetter.ORIGINAL_TOPIC, "orders.v1".getBytes(StandardCharsets.UTF_8));
		record.headers().add(DeadLetter.ORIGINAL_PARTITION, ByteBuffer.allocate(4).putInt(3).array());
		record.headers().add(DeadLetter.ORIGINAL_OFFSET, ByteBuffer.allocate(8).putLong(4242).array());
		record.headers().add(DeadLetter.EXCEPTION, "x.Wrapper".getBytes(StandardCharsets.UTF_8));
		record.headers().add(DeadLetter.CAUSE, "x.InvalidOrderEventException".getBytes(StandardCharsets.UTF_8));
		record.headers().add(DeadLetter.MESSAGE, "bad\nsecond line".getBytes(StandardCharsets.UTF_8));

		DeadLetter letter = DeadLetter.of("orders.v1-dlt", record);

		assertThat(letter.id()).isEqualTo("0:12");
		assertThat(letter.type()).isEqualTo("OrderPlaced");
		assertThat(letter.originalTopic()).isEqualTo("orders.v1");
		assertThat(letter.originalPartition()).isEqualTo(3);
		assertThat(letter.originalOffset()).isEqualTo(4242);
		assertThat(letter.exception()).isEqualTo("x.InvalidOrderEventException");
	}

	@Test
	void withoutHeadersTheOriginalTopicIsTheDeadLetterTopicsName() {
		DeadLetter letter = DeadLetter.of("orders.v1-dlt",
				new ConsumerRecord<>("orders.v1-dlt", 0, 1, "k", "not json".getBytes(StandardCharsets.UTF_8)));

		assertThat(letter.originalTopic()).isEqualTo("orders.v1");
		assertThat(letter.originalPartition()).isEqualTo(-1);
		assertThat(letter.type()).isEqualTo("?");
	}

}
