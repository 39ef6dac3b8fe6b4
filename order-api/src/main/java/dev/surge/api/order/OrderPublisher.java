package dev.surge.api.order;

import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import dev.surge.contracts.OrderEvent;
import dev.surge.contracts.Topics;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Publishes order events to {@link Topics#ORDERS}, keyed by order id. Completes only when
 * the broker acknowledged the record (acks=all, idempotent producer), within the
 * {@code kafka} time limiter and circuit breaker.
 * <p>
 * A failure is either definite (the record is not in the log: refused before sending, or
 * refused by the broker) or, when it timed out, ambiguous: the broker may have written
 * the record and lost the answer. Ambiguous failures arrive as {@link OutcomeUnknown}.
 */
@Component
class OrderPublisher implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(OrderPublisher.class);

	private final KafkaTemplate<String, byte[]> kafka;

	private final ObjectWriter writer;

	private final CircuitBreaker breaker;

	private final TimeLimiter timeLimiter;

	private final TimeLimits timeLimits;

	OrderPublisher(KafkaTemplate<String, byte[]> kafka, JsonMapper json, CircuitBreakerRegistry breakers,
			TimeLimiterRegistry timeLimiters, TimeLimits timeLimits) {
		this.kafka = kafka;
		this.writer = json.writerFor(OrderEvent.class);
		this.breaker = breakers.circuitBreaker("kafka");
		this.timeLimiter = timeLimiters.timeLimiter("kafka");
		this.timeLimits = timeLimits;
	}

	/**
	 * Emits where the broker wrote the record. The send runs in the scope of the HTTP
	 * request's observation (kept in the Reactor context, not in a thread local): the
	 * template's observation is its child and writes the trace context into the record's
	 * headers. The send is subscribed on a worker, never on the caller's thread: while
	 * the broker is down the producer blocks for metadata (up to {@code max.block.ms}),
	 * and the caller is often Lettuce's I/O thread (the order's Redis step just
	 * completed), whose stall would time out every Redis command of the instance, the
	 * in-flight copy's clean-up included.
	 */
	Mono<RecordMetadata> publish(OrderEvent event) {
		return Mono
			.deferContextual((context) -> this.timeLimits.bound(this.timeLimiter,
					() -> inScopeOf(context.getOrDefault(ObservationThreadLocalAccessor.KEY, null),
							() -> this.kafka.send(new ProducerRecord<>(Topics.ORDERS, Long.toString(event.orderId()),
									this.writer.writeValueAsBytes(event))))))
			.subscribeOn(Schedulers.boundedElastic())
			.map(SendResult::getRecordMetadata)
			.transformDeferred(CircuitBreakerOperator.of(this.breaker))
			.onErrorMap(OrderPublisher::ambiguous, OutcomeUnknown::new);
	}

	private static <T> T inScopeOf(@Nullable Observation request, Supplier<T> send) {
		return (request != null) ? request.scoped(send) : send.get();
	}

	/**
	 * The breaker is open: a publish would be refused, so there is no point reserving.
	 */
	boolean refusing() {
		return this.breaker.getState() == CircuitBreaker.State.OPEN;
	}

	/**
	 * Timed out, in the producer ({@code delivery.timeout.ms}, also when the metadata or
	 * buffer wait ran out: the producer does not say which) or in the time limiter.
	 */
	static boolean ambiguous(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof org.apache.kafka.common.errors.TimeoutException
					|| cause instanceof java.util.concurrent.TimeoutException) {
				return true;
			}
		}
		return false;
	}

	/** The publish timed out: the record may or may not be in the log. */
	static final class OutcomeUnknown extends RuntimeException {

		OutcomeUnknown(Throwable cause) {
			super("Kafka did not acknowledge in time: " + cause.getMessage(), cause);
		}

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
