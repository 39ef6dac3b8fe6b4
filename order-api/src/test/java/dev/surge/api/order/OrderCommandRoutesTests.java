package dev.surge.api.order;

import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import dev.surge.api.auth.RouteSlice;
import dev.surge.api.security.SecurityLog;
import dev.surge.contracts.OrderStatus;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.JwtMutator;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.surge.api.auth.RouteSlice.admin;
import static dev.surge.api.auth.RouteSlice.customer;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The command routes in seconds, with the stores replaced: a request the order's rules
 * allow its caller is published (202), one they do not is a 409 problem listing what is
 * allowed, the wrong role is a 403 and another customer's order a 404, and nothing is
 * published for any of them.
 */
@WebFluxTest(controllers = OrderCommandController.class, properties = RouteSlice.PROPERTIES)
@Import({ RouteSlice.class, OrderCommands.class, OrderAccess.class })
class OrderCommandRoutesTests {

	private static final long ORDER = 7301234567890123456L;

	private static final long OWNER = 42;

	@Autowired
	private WebTestClient client;

	@MockitoBean
	private OrderQueries queries;

	@MockitoBean
	private InFlightOrders inFlight;

	@MockitoBean
	private OrderPublisher publisher;

	@MockitoBean
	private SecurityLog securityLog;

	@BeforeEach
	void publishes() {
		given(this.publisher.publish(any())).willReturn(Mono.just(mock(RecordMetadata.class)));
	}

	@Test
	void aRequestTheOrderAllowsIsPublished() {
		stored(OrderStatus.PENDING_PAYMENT);

		post(customer(OWNER), "/api/orders/" + ORDER + "/payment", Map.of("outcome", "SUCCESS")).expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.action")
			.isEqualTo("PAY")
			.jsonPath("$.currentStatus")
			.isEqualTo("PENDING_PAYMENT");
		verify(this.publisher).publish(any());
	}

	@Test
	void aRequestTheOrderDoesNotAllowIsAConflictThatListsWhatItAllows() {
		stored(OrderStatus.COMPLETED);

		post(customer(OWNER), "/api/orders/" + ORDER + "/cancel", Map.of("reason", "too late")).expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/illegal-transition")
			.jsonPath("$.currentStatus")
			.isEqualTo("COMPLETED")
			.jsonPath("$.action")
			.isEqualTo("CANCEL")
			.jsonPath("$.actions[0]")
			.isEqualTo("REQUEST_REFUND");
		verify(this.publisher, never()).publish(any());
	}

	@Test
	void anAdminMayNotPayAndACustomerMayNotFulfil() {
		stored(OrderStatus.AWAITING_FULFILMENT);

		post(admin(), "/api/orders/" + ORDER + "/payment", Map.of("outcome", "SUCCESS")).expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/forbidden");
		post(customer(OWNER), "/api/admin/orders/" + ORDER + "/fulfilment", Map.of("action", "START", "reason", "me"))
			.expectStatus()
			.isForbidden();
		verify(this.publisher, never()).publish(any());
	}

	@Test
	void anotherCustomersOrderIsNotFound() {
		stored(OrderStatus.PENDING_PAYMENT);

		post(customer(OWNER + 1), "/api/orders/" + ORDER + "/cancel", Map.of()).expectStatus().isNotFound();
		verify(this.publisher, never()).publish(any());
		verify(this.securityLog).record(any());
	}

	private void stored(OrderStatus status) {
		given(this.queries.state(ORDER)).willReturn(Optional.of(new OrderQueries.State(OWNER, status)));
	}

	private WebTestClient.ResponseSpec post(JwtMutator caller, String path, Map<String, Object> body) {
		return this.client.mutateWith(caller)
			.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

}
