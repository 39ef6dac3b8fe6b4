package dev.surge.consumer.order;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The consumer's part of each order's trace. Spring Kafka observes record listeners only;
 * a batch holds records of many traces, so this continues each record's trace (the API's
 * {@code traceparent} header) with a span of its own that covers the batch's MySQL
 * transaction, the Redis settlement and the change notice. Records without a trace
 * context (or not sampled by the API) cost a header lookup and a no-op span.
 */
@Component
class OrderSpans {

	private static final Propagator.Getter<Headers> HEADERS = (headers, key) -> {
		Header header = headers.lastHeader(key);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	};

	private final Tracer tracer;

	private final Propagator propagator;

	OrderSpans(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		this.tracer = tracer.getIfAvailable(() -> Tracer.NOOP);
		this.propagator = propagator.getIfAvailable(() -> Propagator.NOOP);
	}

	/** Starts a span for every record that carries a trace context. */
	List<Span> start(List<ConsumerRecord<String, byte[]>> records) {
		if (this.tracer == Tracer.NOOP) {
			return List.of();
		}
		List<Span> spans = new ArrayList<>(records.size());
		for (ConsumerRecord<String, byte[]> record : records) {
			if (record.headers().lastHeader("traceparent") != null) {
				spans.add(this.propagator.extract(record.headers(), HEADERS)
					.kind(Span.Kind.CONSUMER)
					.name(record.topic() + " process")
					.tag("messaging.system", "kafka")
					.tag("messaging.destination.name", record.topic())
					.tag("messaging.kafka.offset", record.offset())
					.tag("messaging.batch.message_count", records.size())
					.tag("surge.order.id", String.valueOf(record.key()))
					.start());
			}
		}
		return spans;
	}

	void end(List<Span> spans, @Nullable Throwable failure) {
		for (Span span : spans) {
			if (failure != null) {
				span.error(failure);
			}
			span.end();
		}
	}

}
