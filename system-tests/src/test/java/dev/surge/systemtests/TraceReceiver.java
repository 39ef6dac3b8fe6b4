package dev.surge.systemtests;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

/**
 * A trace store for the tests: accepts OTLP/HTTP protobuf exports on {@code /v1/traces},
 * as Tempo or Jaeger would, and keeps the spans of the traces a test watches (the
 * services export whatever they sample; the rest is dropped).
 */
final class TraceReceiver {

	private static final HexFormat HEX = HexFormat.of();

	private static final SecureRandom RANDOM = new SecureRandom();

	private final HttpServer server;

	private final Set<String> watched = ConcurrentHashMap.newKeySet();

	private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

	private TraceReceiver(HttpServer server) {
		this.server = server;
	}

	static TraceReceiver start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			TraceReceiver receiver = new TraceReceiver(server);
			server.createContext("/v1/traces", receiver::export);
			server.start();
			return receiver;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String endpoint() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1/traces";
	}

	/** A new trace id (32 hex digits) whose spans are kept. */
	String watchNewTrace() {
		byte[] id = new byte[16];
		RANDOM.nextBytes(id);
		String traceId = HEX.formatHex(id);
		this.watched.add(traceId);
		return traceId;
	}

	List<ReceivedSpan> spansOf(String traceId) {
		return this.spans.stream().filter((span) -> span.traceId().equals(traceId)).toList();
	}

	void stop() {
		this.server.stop(0);
	}

	private void export(HttpExchange exchange) throws IOException {
		try (exchange; InputStream body = exchange.getRequestBody()) {
			ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
			for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
				keep(resourceSpans);
			}
			// an empty ExportTraceServiceResponse: everything accepted
			exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
			exchange.sendResponseHeaders(200, -1);
		}
	}

	private void keep(ResourceSpans resourceSpans) {
		String service = attribute(resourceSpans.getResource(), "service.name");
		for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
			for (Span span : scopeSpans.getSpansList()) {
				String traceId = HEX.formatHex(span.getTraceId().toByteArray());
				if (this.watched.contains(traceId)) {
					this.spans.add(new ReceivedSpan(service, traceId, span.getName(), attributes(span)));
				}
			}
		}
	}

	private static String attribute(Resource resource, String key) {
		return resource.getAttributesList()
			.stream()
			.filter((attribute) -> attribute.getKey().equals(key))
			.map((attribute) -> text(attribute.getValue()))
			.findFirst()
			.orElse("");
	}

	private static Map<String, String> attributes(Span span) {
		Map<String, String> attributes = new HashMap<>();
		for (KeyValue attribute : span.getAttributesList()) {
			attributes.put(attribute.getKey(), text(attribute.getValue()));
		}
		return attributes;
	}

	private static String text(AnyValue value) {
		return switch (value.getValueCase()) {
			case STRING_VALUE -> value.getStringValue();
			case INT_VALUE -> Long.toString(value.getIntValue());
			case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
			case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
			default -> value.toString();
		};
	}

	/**
	 * One exported span.
	 *
	 * @param service the exporting service's {@code service.name}
	 * @param traceId 32 hex digits
	 * @param name the span's name
	 * @param attributes its attributes as text
	 */
	record ReceivedSpan(String service, String traceId, String name, Map<String, String> attributes) {
	}

}
