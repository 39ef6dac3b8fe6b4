package dev.surge.api.order;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import dev.surge.api.auth.RouteSlice;
import dev.surge.api.product.ProductCatalog;
import dev.surge.api.security.SecurityLog;
import dev.surge.api.system.ProblemType;
import dev.surge.contracts.OrderLine;
import dev.surge.contracts.OrderStatus;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.JwtMutator;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.surge.api.auth.RouteSlice.expectProblem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * Placing and reading orders in seconds, with the stores replaced: input the order's
 * rules refuse is a 400 problem that reaches neither Redis nor Kafka, a customer reads
 * only their own orders (another's is the 404 of a missing one), and a token is needed
 * for all of it.
 */
@WebFluxTest(controllers = OrderController.class, properties = RouteSlice.PROPERTIES)
@Import({ RouteSlice.class, OrderRoutesTests.Placing.class })
class OrderRoutesTests {

	private static final long ORDER = 7301234567890123456L;

	private static final long OWNER = 42;

	@Autowired
	private WebTestClient client;

	@Autowired
	private OrderProperties limits;

	@MockitoBean
	private StockGate gate;

	@MockitoBean
	private OrderPublisher publisher;

	@MockitoBean
	private IdempotencyRecords idempotency;

	@MockitoBean
	private OrderFates fates;

	@MockitoBean
	private InFlightOrders inFlight;

	@MockitoBean
	private ProductCatalog catalog;

	@MockitoBean
	private OrderQueries queries;

	@MockitoBean
	private SecurityLog securityLog;

	@BeforeEach
	void storesAnswer() {
		// the publisher, an ApplicationRunner, fetched its metadata at start-up
		clearInvocations(this.publisher);
		given(this.gate.reserve(anyLong(), any(), anyLong()))
			.willAnswer((call) -> Mono.just(new Reservation.Reserved(call.<OrderLine>getArgument(1).productId(), 5)));
		given(this.inFlight.remember(any())).willReturn(Mono.just(true));
		given(this.inFlight.find(anyLong())).willReturn(Mono.just(Optional.empty()));
		given(this.publisher.publish(any())).willReturn(Mono.just(mock(RecordMetadata.class)));
		given(this.idempotency.begin(anyLong(), any(), any())).willReturn(Mono.just(new IdempotencyCheck.First()));
		given(this.idempotency.complete(anyLong(), any(), any())).willReturn(Mono.empty());
	}

	@Test
	void anOrderWithinTheRulesIsAcceptedWithItsLocation() {
		place(Map.of("productId", 7, "quantity", 2)).expectStatus()
			.isAccepted()
			.expectHeader()
			.valueMatches("Location", "/api/orders/[0-9]+")
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("ACCEPTED");
		verify(this.gate).reserve(anyLong(), any(OrderLine.class), anyLong());
		verify(this.publisher).publish(any());
	}

	@Test
	void withoutATokenNothingIsPlaced() {
		expectProblem(this.client.post()
			.uri("/api/orders")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("productId", 7, "quantity", 2))
			.exchange(), ProblemType.UNAUTHORIZED);
		nothingReachedTheStores();
	}

	@Test
	void aMissingQuantityIsAProblem() {
		expectInvalid(place(Map.of("productId", 7))).jsonPath("$.detail")
			.isEqualTo("productId and quantity, or items, are required");
	}

	@Test
	void aZeroQuantityIsAProblemNamingTheField() {
		expectInvalid(place(Map.of("productId", 7, "quantity", 0))).jsonPath("$.errors[0].field").isEqualTo("quantity");
		expectInvalid(place(Map.of("items", List.of(Map.of("productId", 7, "quantity", 0)))))
			.jsonPath("$.errors[0].field")
			.isEqualTo("items[0].quantity");
	}

	@Test
	void aQuantityAboveTheLimitIsAProblem() {
		expectInvalid(place(Map.of("productId", 7, "quantity", this.limits.maxQuantity() + 1))).jsonPath("$.detail")
			.isEqualTo("quantity must be at most " + this.limits.maxQuantity());
	}

	@Test
	void tooManyLinesAreAProblem() {
		List<Map<String, Integer>> lines = IntStream.rangeClosed(1, this.limits.maxItems() + 1)
			.mapToObj((product) -> Map.of("productId", product, "quantity", 1))
			.toList();
		expectInvalid(place(Map.of("items", lines))).jsonPath("$.detail")
			.isEqualTo("An order has 1 to " + this.limits.maxItems() + " items");
	}

	@Test
	void theSameProductTwiceIsAProblem() {
		List<Map<String, Integer>> lines = Collections.nCopies(2, Map.of("productId", 7, "quantity", 1));
		expectInvalid(place(Map.of("items", lines))).jsonPath("$.detail").isEqualTo("Each product may appear once: 7");
	}

	@Test
	void anUnknownFieldIsAProblem() {
		expectInvalid(place(Map.of("productId", 7, "quantity", 1, "price", 0))).jsonPath("$.detail")
			.isEqualTo("Unknown field in the request body");
	}

	@Test
	void aQuantityAsTextIsAProblem() {
		expectInvalid(place(Map.of("productId", 7, "quantity", "2"))).jsonPath("$.detail")
			.isEqualTo("A field has the wrong type");
	}

	@Test
	void badJsonIsAProblem() {
		expectInvalid(place("{\"productId\": 7, \"quantity\": ")).jsonPath("$.detail")
			.isEqualTo("The request body is not valid JSON for this endpoint");
	}

	@Test
	void anIdempotencyKeyOfTheWrongFormatIsAProblem() {
		for (String key : List.of("short", "x".repeat(101), "has spaces in it", "semi;colon;key")) {
			expectInvalid(place(Map.of("productId", 7, "quantity", 1), key)).jsonPath("$.errors[0].field")
				.isEqualTo("idempotencyKey");
		}
	}

	@Test
	void aWellFormedIdempotencyKeyGuardsThePlacement() {
		place(Map.of("productId", 7, "quantity", 1), "order-2024:abc_DEF.1").expectStatus().isAccepted();
		verify(this.idempotency).begin(eq(OWNER), eq("order-2024:abc_DEF.1"), any());
	}

	@Test
	void aCustomerSeesTheirOwnOrderWithWhatTheyMayDoNext() {
		stored(OWNER);

		get(RouteSlice.customer(OWNER), "/api/orders/" + ORDER).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.orderId")
			.isEqualTo(Long.toString(ORDER))
			.jsonPath("$.actions[0]")
			.isEqualTo("PAY");
	}

	@Test
	void anotherCustomersOrderIsNotFoundAndLogged() {
		stored(OWNER);

		expectProblem(get(RouteSlice.customer(OWNER + 1), "/api/orders/" + ORDER), ProblemType.NOT_FOUND);
		verify(this.securityLog).record(any());
	}

	@Test
	void anAdminSeesAnyOrder() {
		stored(OWNER);

		get(RouteSlice.admin(), "/api/orders/" + ORDER).expectStatus().isOk();
		verify(this.securityLog, never()).record(any());
	}

	@Test
	void aMissingOrderIsNotFound() {
		given(this.queries.find(ORDER)).willReturn(Optional.empty());

		expectProblem(get(RouteSlice.customer(OWNER), "/api/orders/" + ORDER), ProblemType.NOT_FOUND);
		verify(this.securityLog, never()).record(any());
	}

	@Test
	void anIdThatIsNotADecimalNumberIsAProblem() {
		for (String id : List.of("abc", "0x10", "99999999999999999999")) {
			expectProblem(get(RouteSlice.customer(OWNER), "/api/orders/" + id), ProblemType.INVALID_REQUEST);
		}
		verifyNoInteractions(this.queries, this.inFlight);
	}

	@Test
	void aCustomersListIsTheirsAlone() {
		given(this.queries.page(OWNER, OrderStatus.PAID, 1, 5)).willReturn(new OrderView.Page(List.of(), 1, 5, 0));

		get(RouteSlice.customer(OWNER), "/api/orders?status=PAID&page=1&size=5").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.size")
			.isEqualTo(5);
		verify(this.queries).page(OWNER, OrderStatus.PAID, 1, 5);
	}

	@Test
	void listParametersOutOfRangeAreProblems() {
		for (String query : List.of("size=0", "size=101", "page=-1", "page=10001", "status=LOST", "size=ten")) {
			expectProblem(get(RouteSlice.customer(OWNER), "/api/orders?" + query), ProblemType.INVALID_REQUEST);
		}
		verifyNoInteractions(this.queries);
	}

	private void stored(long owner) {
		OrderView order = new OrderView(Long.toString(ORDER), "SG-1", owner, OrderStatus.PENDING_PAYMENT, null, 3998L,
				Instant.EPOCH, null, null, List.of(new OrderView.Item(7, "Kettle", 2, 1999L)), List.of(), List.of());
		given(this.queries.find(ORDER)).willReturn(Optional.of(order));
	}

	private WebTestClient.BodyContentSpec expectInvalid(WebTestClient.ResponseSpec response) {
		WebTestClient.BodyContentSpec body = expectProblem(response, ProblemType.INVALID_REQUEST);
		nothingReachedTheStores();
		return body;
	}

	private void nothingReachedTheStores() {
		verifyNoInteractions(this.gate, this.publisher, this.idempotency, this.inFlight, this.catalog);
	}

	private WebTestClient.ResponseSpec place(Object body) {
		return place(body, null);
	}

	private WebTestClient.ResponseSpec place(Object body, String idempotencyKey) {
		return this.client.mutateWith(RouteSlice.customer(OWNER))
			.post()
			.uri("/api/orders")
			.contentType(MediaType.APPLICATION_JSON)
			.headers((headers) -> {
				if (idempotencyKey != null) {
					headers.set("Idempotency-Key", idempotencyKey);
				}
			})
			.bodyValue(body)
			.exchange();
	}

	private WebTestClient.ResponseSpec get(JwtMutator caller, String uri) {
		return this.client.mutateWith(caller).get().uri(uri).exchange();
	}

	/**
	 * The real placement with its limits from {@code application.yaml}; only its stores
	 * are mocks.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	@Import({ OrderPlacement.class, OrderMetrics.class, OrderAccess.class })
	@EnableConfigurationProperties(OrderProperties.class)
	static class Placing {

		@Bean
		OrderIds orderIds() {
			return new OrderIds(1, System::currentTimeMillis);
		}

		@Bean
		BulkheadRegistry bulkheads() {
			return BulkheadRegistry.ofDefaults();
		}

		@Bean
		MeterRegistry meters() {
			return new SimpleMeterRegistry();
		}

	}

}
