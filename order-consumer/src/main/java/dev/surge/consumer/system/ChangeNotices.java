package dev.surge.consumer.system;

import java.util.Collection;
import java.util.List;

import dev.surge.contracts.ChangeNotice;
import dev.surge.contracts.DemoDataReset;
import dev.surge.contracts.OrdersChanged;
import dev.surge.contracts.OrdersChanged.OrderChange;
import dev.surge.contracts.ProductsChanged;
import dev.surge.contracts.StockChanged;
import dev.surge.contracts.StockLow;
import dev.surge.contracts.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes what changed to {@code surge.changes.v1}, fire-and-forget: a failure only
 * logs, a reader loses nothing but a refresh.
 */
@Component
public class ChangeNotices {

	private static final Logger logger = LoggerFactory.getLogger(ChangeNotices.class);

	/** Keeps a notice well under a megabyte. */
	private static final int MAX_PER_NOTICE = 500;

	private final KafkaTemplate<String, byte[]> kafka;

	private final ObjectWriter json = JsonMapper.builder().build().writerFor(ChangeNotice.class);

	ChangeNotices(KafkaTemplate<String, byte[]> kafka) {
		this.kafka = kafka;
	}

	public void stockChanged(Collection<Long> productIds) {
		if (!productIds.isEmpty()) {
			publish("STOCK", new StockChanged(List.copyOf(productIds)));
		}
	}

	public void ordersChanged(List<OrderChange> changes) {
		for (int from = 0; from < changes.size(); from += MAX_PER_NOTICE) {
			publish("ORDER", new OrdersChanged(changes.subList(from, Math.min(changes.size(), from + MAX_PER_NOTICE))));
		}
	}

	public void productsChanged(Collection<Long> productIds) {
		if (!productIds.isEmpty()) {
			publish("PRODUCT", new ProductsChanged(List.copyOf(productIds)));
		}
	}

	public void demoDataReset(DemoDataReset reset) {
		publish("RESET", reset);
	}

	public void stockLow(StockLow alert) {
		publish("LOW_STOCK", alert);
	}

	private void publish(String key, ChangeNotice notice) {
		try {
			this.kafka.send(Topics.CHANGES, key, this.json.writeValueAsBytes(notice)).whenComplete((result, ex) -> {
				if (ex != null) {
					logger.warn("Change notice lost: {}", ex.getMessage());
				}
			});
		}
		catch (RuntimeException ex) {
			logger.warn("Change notice lost: {}", ex.getMessage());
		}
	}

}
