package dev.surge.api.order;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import dev.surge.contracts.OrderEvent;
import dev.surge.contracts.Topics;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes order events to {@link Topics#ORDERS}, keyed by order id. Completes only when
 * the broker acknowledged the record (acks=all, idempotent producer).
 */
@Component
class OrderPublisher implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(OrderPublisher.class);

	private final KafkaTemplate<String, byte[]> kafka;

	private final ObjectWriter writer;

	private final CircuitBreaker breaker;

	OrderPublisher(KafkaTemplate<String, byte[]> kafka, JsonMapper json, CircuitBreakerRegistry breakers) {
		this.kafka = kafka;
		this.writer = json.writerFor(OrderEvent.class);
		this.breaker = breakers.circuitBreaker("kafka");
	}

	Mono<Void> publish(OrderEvent event) {
		return Mono
			.fromFuture(() -> this.kafka.send(new ProducerRecord<>(Topics.ORDERS, Long.toString(event.orderId()),
					this.writer.writeValueAsBytes(event))))
			.then()
			.transformDeferred(CircuitBreakerOperator.of(this.breaker));
	}

	/**
	 * The first send blocks on metadata: fetch it at start, never on an event-loop
	 * thread.
	 */
	@Override
	public void run(ApplicationArguments args) {
		try {
			log.info("{} has {} partitions", Topics.ORDERS, this.kafka.partitionsFor(Topics.ORDERS).size());
		}
		catch (RuntimeException ex) {
			log.warn("Kafka metadata not available yet: {}", ex.getMessage());
		}
	}

}
