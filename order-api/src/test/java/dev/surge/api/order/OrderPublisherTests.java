package dev.surge.api.order;

import java.util.concurrent.CompletionException;

import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.KafkaException;

import static org.assertj.core.api.Assertions.assertThat;

class OrderPublisherTests {

	@Test
	void aProducerTimeOutLeavesTheOutcomeUnknown() {
		TimeoutException expired = new TimeoutException("Expiring 1 record(s) for orders.v1-3: 8001 ms has passed");

		assertThat(OrderPublisher.ambiguous(expired)).isTrue();
		assertThat(OrderPublisher.ambiguous(new CompletionException(new KafkaException("Send failed", expired))))
			.isTrue();
	}

	@Test
	void aTimeLimiterTimeOutLeavesTheOutcomeUnknown() {
		assertThat(OrderPublisher.ambiguous(new java.util.concurrent.TimeoutException("Did not observe any item")))
			.isTrue();
	}

	@Test
	void aRefusalIsDefinite() {
		assertThat(OrderPublisher.ambiguous(new KafkaException("Send failed", new RecordTooLargeException("too big"))))
			.isFalse();
		assertThat(OrderPublisher.ambiguous(new IllegalStateException("breaker open"))).isFalse();
	}

}
