package dev.surge.consumer.system;

import dev.surge.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Error handling of the listeners ({@code orders.v1}, {@code products.v1}), which always
 * report the failing record with a {@code BatchListenerFailedException}: the records
 * before it are committed, the failing one is retried a bounded number of times and then
 * published to its topic's dead-letter topic ({@code orders.v1-dlt},
 * {@code products.v1-dlt}; an invalid record at once). Broken infrastructure is retried
 * with back-off until it heals, so good records are never dead-lettered because MySQL or
 * Redis was down.
 */
@Configuration(proxyBeanMethods = false)
class KafkaErrorHandling {

	private static final long RETRY_INTERVAL_MS = 500;

	private static final long RETRIES = 2;

	private static final long MAX_INTERVAL_MS = 5_000;

	@Bean
	DefaultErrorHandler listenerErrorHandler(KafkaOperations<?, ?> template) {
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new TopicPartition(deadLetterTopic(record), -1));
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, new FixedBackOff(RETRY_INTERVAL_MS, RETRIES));
		handler.setBackOffFunction((record, ex) -> Failures.isInfrastructure(ex) ? untilHealed() : null);
		handler.addNotRetryableExceptions(InvalidRecordException.class);
		return handler;
	}

	static String deadLetterTopic(ConsumerRecord<?, ?> record) {
		return Topics.PRODUCTS.equals(record.topic()) ? Topics.PRODUCTS_DLT : Topics.ORDERS_DLT;
	}

	private static ExponentialBackOff untilHealed() {
		ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
		backOff.setMaxInterval(MAX_INTERVAL_MS);
		return backOff;
	}

}
