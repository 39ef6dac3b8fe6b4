package dev.surge.api.product;

import org.apache.kafka.clients.producer.ProducerRecord;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import dev.surge.contracts.ProductEvent;
import dev.surge.contracts.Topics;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes administration commands to {@link Topics#PRODUCTS}: the consumer, the only
 * writer of stock, applies them.
 */
@Component
public class ProductCommands {

	private final KafkaTemplate<String, byte[]> kafka;

	private final ObjectWriter writer;

	ProductCommands(KafkaTemplate<String, byte[]> kafka, JsonMapper json) {
		this.kafka = kafka;
		this.writer = json.writerFor(ProductEvent.class);
	}

	public Mono<Void> publish(ProductEvent event) {
		return Mono
			.fromFuture(() -> this.kafka
				.send(new ProducerRecord<>(Topics.PRODUCTS, event.key(), this.writer.writeValueAsBytes(event))))
			.then();
	}

}
