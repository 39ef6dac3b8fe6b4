package dev.surge.api.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import dev.surge.api.auth.RouteSlice;
import dev.surge.api.security.SecurityLog;
import dev.surge.api.system.ProblemType;
import dev.surge.contracts.OrderStatus;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.JwtMutator;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.surge.api.auth.RouteSlice.expectProblem;
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

	@Autowired
	private WebTestClient client;

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

	@Test
	void withoutATokenEveryAdminRouteIs401() {
		for (String route : ROUTES) {
			WebTestClient.ResponseSpec response = this.client.get().uri(route).exchange();
			expectProblem(response, ProblemType.UNAUTHORIZED);
			response.expectHeader().valueEquals("WWW-Authenticate", "Bearer");
		}
		verifyNoInteractions(this.orders, this.logs, this.stock, this.statistics);
	}

	@Test
	void aCustomerTokenOnAnAdminRouteIs403() {
		for (String route : ROUTES) {
			expectProblem(get(RouteSlice.customer(42), route), ProblemType.FORBIDDEN);
		}
		verifyNoInteractions(this.orders, this.logs, this.stock, this.statistics);
		verify(this.securityLog, times(ROUTES.size())).record(any());
	}

	@Test
	void aForgedTokenIs401AndLogged() {
		expectProblem(
				this.client.get().uri("/api/admin/stats").header("Authorization", "Bearer not.a.token").exchange(),
				ProblemType.UNAUTHORIZED);
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
		expectInvalid("/api/admin/orders?status=SHIPPED", "status").jsonPath("$.allowed[0]")
			.isEqualTo(OrderStatus.values()[0].name());
		verifyNoInteractions(this.orders);
	}

	@Test
	void pageSizeIsBounded() {
		expectInvalid("/api/admin/orders?size=500", "size");
		expectInvalid("/api/admin/orders?size=0", "size");
		expectInvalid("/api/admin/orders?page=-1", "page");
		expectInvalid("/api/admin/orders?page=10001", "page");
		expectInvalid("/api/admin/orders?userId=abc", "userId");
		expectInvalid("/api/admin/orders?userId=0", "userId");
		verifyNoInteractions(this.orders);
	}

	@Test
	void logParametersAreTyped() {
		expectInvalid("/api/admin/logs?type=EVERYTHING", "type");
		expectInvalid("/api/admin/logs?orderId=12abc", "orderId");
		expectInvalid("/api/admin/logs?productId=99999999999999999999", "productId");
		expectInvalid("/api/admin/logs?type=SECURITY&orderId=4", "orderId");
		expectInvalid("/api/admin/logs?type=SECURITY&productId=4", "productId");
		expectInvalid("/api/admin/logs?operator=' OR 1=1 --", "operator");
		expectInvalid("/api/admin/logs?size=101", "size");
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
		expectInvalid("/api/admin/inventory/low-stock?threshold=-5", "threshold");
		expectInvalid("/api/admin/inventory/low-stock?threshold=ten", "threshold");
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

	private WebTestClient.BodyContentSpec expectInvalid(String uri, String parameter) {
		return expectProblem(get(RouteSlice.admin(), uri), ProblemType.INVALID_REQUEST).jsonPath("$.parameter")
			.isEqualTo(parameter);
	}

	private WebTestClient.ResponseSpec get(JwtMutator caller, String uri) {
		return this.client.mutateWith(caller).get().uri(uri).exchange();
	}

}
