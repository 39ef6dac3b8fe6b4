package dev.surge.consumer.product;

import java.util.List;

import dev.surge.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code products.v1}: each record is applied on its own (administration is
 * rare); a failing one is reported by index, so the ones before it are committed and it
 * is retried, then dead-lettered to {@code products.v1-dlt} (an invalid one at once).
 */
@Component
class ProductListener {

	private final ProductEventReader reader = new ProductEventReader();

	private final ProductAdministration administration;

	ProductListener(ProductAdministration administration) {
		this.administration = administration;
	}

	@KafkaListener(id = "products", idIsGroup = false, topics = Topics.PRODUCTS, batch = "true")
	void onBatch(List<ConsumerRecord<String, byte[]>> records) {
		for (int i = 0; i < records.size(); i++) {
			try {
				this.administration.apply(this.reader.read(records.get(i).value()));
			}
			catch (RuntimeException ex) {
				throw new BatchListenerFailedException("Product record failed: " + ex.getMessage(), ex, i);
			}
		}
	}

}
