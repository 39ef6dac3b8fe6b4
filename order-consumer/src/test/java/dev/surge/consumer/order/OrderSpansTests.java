package dev.surge.consumer.order;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.micrometer.tracing.propagation.Propagator;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;

class OrderSpansTests {

	private static final String TRACE_A = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String TRACE_B = "0af7651916cd43dd8448eb211c80319c";

	private final SdkTracerProvider provider = SdkTracerProvider.builder().build();

	private final OrderSpans spans = spans(this.provider);

	@AfterEach
	void close() {
		this.provider.close();
	}

	@Test
	void eachRecordOfABatchContinuesTheTraceItsProducerStarted() {
		List<Span> started = this.spans.start(List.of(record(1, "00-" + TRACE_A + "-00f067aa0ba902b7-01"),
				record(2, "00-" + TRACE_B + "-b7ad6b7169203331-01")));

		assertThat(started).extracting((span) -> span.context().traceId()).containsExactly(TRACE_A, TRACE_B);
		assertThat(started).extracting((span) -> span.context().parentId())
			.containsExactly("00f067aa0ba902b7", "b7ad6b7169203331");
		assertThat(started).allMatch((span) -> span.context().sampled());
		this.spans.end(started, null);
	}

	@Test
	void aRecordWithoutTraceContextGetsNoSpan() {
		assertThat(this.spans.start(List.of(record(1, null)))).isEmpty();
	}

	@Test
	void anUnsampledTraceStaysUnsampled() {
		List<Span> started = this.spans.start(List.of(record(1, "00-" + TRACE_A + "-00f067aa0ba902b7-00")));

		assertThat(started).singleElement().satisfies((span) -> assertThat(span.context().sampled()).isFalse());
	}

	private static ConsumerRecord<String, byte[]> record(long offset, String traceparent) {
		ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("orders.v1", 0, offset, Long.toString(offset),
				new byte[0]);
		if (traceparent != null) {
			record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
		}
		return record;
	}

	private static OrderSpans spans(SdkTracerProvider provider) {
		io.opentelemetry.api.trace.Tracer otel = provider.get("test");
		OtelTracer tracer = new OtelTracer(otel, new OtelCurrentTraceContext(), (event) -> {
		});
		OtelPropagator propagator = new OtelPropagator(
				ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel);
		StaticListableBeanFactory beans = new StaticListableBeanFactory(
				Map.of("tracer", tracer, "propagator", propagator));
		return new OrderSpans(beans.getBeanProvider(Tracer.class), beans.getBeanProvider(Propagator.class));
	}

}
