package dev.surge.api.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import dev.surge.api.auth.RouteSlice;
import dev.surge.api.security.SecurityLog;
import dev.surge.contracts.OrderStatus;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.JwtMutator;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The admin read routes behind the API's own security: no token is a 401 and a customer's
 * a 403, both problems that never reach MySQL; an admin's bad query parameter is a 400
 * problem naming the parameter, and good ones reach the query as typed values.
 */
@WebFluxTest(controllers = { AdminOrdersController.class, OperationLogController.class, InventoryController.class,
		StatisticsController.class }, properties = RouteSlice.PROPERTIES)
@Import(RouteSlice.class)
class AdminRoutesTests {

	private static final List<String> ROUTES = List.of("/api/admin/orders", "/api/admin/logs",
			"/api/admin/inventory/low-stock", "/api/admin/stats");

	private WebTestClient client;

	@Autowired
	private ApplicationContext context;

	@MockitoBean
	private AdminOrders orders;

	@MockitoBean
	private OperationLogs logs;

	@MockitoBean
	private StockLevels stock;

	@MockitoBean
	private OrderStatistics statistics;

	@MockitoBean
	private SecurityLog securityLog;

	@BeforeEach
	void client() {
		this.client = RouteSlice.client(this.context);
	}

	@Test
	void withoutATokenEveryAdminRouteIs401() {
		for (String route : ROUTES) {
			this.client.get()
				.uri(route)
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.expectHeader()
				.valueEquals("WWW-Authenticate", "Bearer")
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("/problems/unauthorized");
		}
		verifyNoInteractions(this.orders, this.logs, this.stock, this.statistics);
	}

	@Test
	void aCustomerTokenOnAnAdminRouteIs403() {
		for (String route : ROUTES) {
			get(RouteSlice.customer(42), route).expectStatus()
				.isForbidden()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("/problems/forbidden");
		}
		verifyNoInteractions(this.orders, this.logs, this.stock, this.statistics);
		verify(this.securityLog, times(ROUTES.size())).record(any());
	}

	@Test
	void aForgedTokenIs401AndLogged() {
		this.client.get()
			.uri("/api/admin/stats")
			.header("Authorization", "Bearer not.a.token")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/unauthorized");
		verify(this.securityLog).record(any());
		verifyNoInteractions(this.statistics);
	}

	@Test
	void anAdminsOrderFiltersReachTheQueryTyped() {
		given(this.orders.page(OrderStatus.PAID, 42L, 2, 50)).willReturn(new Page<>(List.of(), 2, 50, 0));

		get(RouteSlice.admin(), "/api/admin/orders?status=PAID&userId=42&page=2&size=50").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.page")
			.isEqualTo(2)
			.jsonPath("$.size")
			.isEqualTo(50);
	}

	@Test
	void emptyFiltersCountAsAbsent() {
		given(this.orders.page(null, null, 0, 20)).willReturn(new Page<>(List.of(), 0, 20, 0));

		get(RouteSlice.admin(), "/api/admin/orders?status=&userId=&page=&size=").expectStatus().isOk();
		verify(this.orders).page(null, null, 0, 20);
	}

	@Test
	void unknownOrderStatusIsAProblemListingTheStates() {
		expectProblem("/api/admin/orders?status=SHIPPED", "status").jsonPath("$.allowed[0]")
			.isEqualTo(OrderStatus.values()[0].name());
		verifyNoInteractions(this.orders);
	}

	@Test
	void pageSizeIsBounded() {
		expectProblem("/api/admin/orders?size=500", "size");
		expectProblem("/api/admin/orders?size=0", "size");
		expectProblem("/api/admin/orders?page=-1", "page");
		expectProblem("/api/admin/orders?page=10001", "page");
		expectProblem("/api/admin/orders?userId=abc", "userId");
		expectProblem("/api/admin/orders?userId=0", "userId");
		verifyNoInteractions(this.orders);
	}

	@Test
	void logParametersAreTyped() {
		expectProblem("/api/admin/logs?type=EVERYTHING", "type");
		expectProblem("/api/admin/logs?orderId=12abc", "orderId");
		expectProblem("/api/admin/logs?productId=99999999999999999999", "productId");
		expectProblem("/api/admin/logs?type=SECURITY&orderId=4", "orderId");
		expectProblem("/api/admin/logs?type=SECURITY&productId=4", "productId");
		expectProblem("/api/admin/logs?operator=' OR 1=1 --", "operator");
		expectProblem("/api/admin/logs?size=101", "size");
		verifyNoInteractions(this.logs);
	}

	@Test
	void aLogQueryDefaultsToTheOrderLog() {
		given(this.logs.page(any())).willReturn(new Page<>(List.of(), 0, 20, 0));

		get(RouteSlice.admin(), "/api/admin/logs?operator=alice").expectStatus().isOk();
		verify(this.logs).page(new LogQuery(LogType.ORDER, null, null, "alice", 0, 20));
	}

	@Test
	void thresholdIsANonNegativeInteger() {
		expectProblem("/api/admin/inventory/low-stock?threshold=-5", "threshold");
		expectProblem("/api/admin/inventory/low-stock?threshold=ten", "threshold");
		verifyNoInteractions(this.stock);
	}

	@Test
	void anAdminSeesTheStatistics() {
		given(this.statistics.countsByStatus()).willReturn(Map.of("PAID", 3L));
		given(this.statistics.paid()).willReturn(3L);
		given(this.statistics.throughput(any(), eq(StatisticsController.WINDOW_SECONDS)))
			.willReturn(List.of(new ThroughputPoint(Instant.EPOCH, 2, 1)));
		given(this.stock.all())
			.willReturn(Mono.just(List.of(new StockLevel(7, "Kettle", null, 1999, 5, 10, 4, 3, 3, 4L))));

		get(RouteSlice.admin(), "/api/admin/stats").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.ordersByStatus.PAID")
			.isEqualTo(3)
			.jsonPath("$.paid")
			.isEqualTo(3)
			.jsonPath("$.products[0].lowStock")
			.isEqualTo(true)
			.jsonPath("$.throughput[0].accepted")
			.isEqualTo(2);
	}

	private WebTestClient.BodyContentSpec expectProblem(String uri, String parameter) {
		return get(RouteSlice.admin(), uri).expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/invalid-request")
			.jsonPath("$.status")
			.isEqualTo(400)
			.jsonPath("$.parameter")
			.isEqualTo(parameter);
	}

	private WebTestClient.ResponseSpec get(JwtMutator caller, String uri) {
		return this.client.mutateWith(caller).get().uri(uri).exchange();
	}

}
