package dev.surge.api.admin;

import org.junit.jupiter.api.Test;

import dev.surge.api.system.Blocking;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.mockito.Mockito.verifyNoInteractions;

/**
 * Bad query parameters are 400 problems naming the parameter, and never reach MySQL. (Who
 * may call is the security configuration's business, tested with the running API.)
 */
@WebFluxTest(controllers = { AdminOrdersController.class, OperationLogController.class, InventoryController.class },
		excludeAutoConfiguration = { ReactiveWebSecurityAutoConfiguration.class,
				ReactiveUserDetailsServiceAutoConfiguration.class })
@Import(Blocking.class)
class AdminParameterValidationTests {

	@Autowired
	private WebTestClient client;

	@MockitoBean
	private AdminOrders orders;

	@MockitoBean
	private OperationLogs logs;

	@MockitoBean
	private StockLevels stock;

	@Test
	void unknownOrderStatusIsAProblem() {
		expectProblem("/api/admin/orders?status=SHIPPED", "status");
		verifyNoInteractions(this.orders);
	}

	@Test
	void pageSizeIsBounded() {
		expectProblem("/api/admin/orders?size=500", "size");
		expectProblem("/api/admin/orders?page=-1", "page");
		expectProblem("/api/admin/orders?userId=abc", "userId");
	}

	@Test
	void logParametersAreTyped() {
		expectProblem("/api/admin/logs?type=EVERYTHING", "type");
		expectProblem("/api/admin/logs?orderId=12abc", "orderId");
		expectProblem("/api/admin/logs?type=SECURITY&productId=4", "productId");
		expectProblem("/api/admin/logs?operator=' OR 1=1 --", "operator");
		verifyNoInteractions(this.logs);
	}

	@Test
	void thresholdIsANonNegativeInteger() {
		expectProblem("/api/admin/inventory/low-stock?threshold=-5", "threshold");
		expectProblem("/api/admin/inventory/low-stock?threshold=ten", "threshold");
		verifyNoInteractions(this.stock);
	}

	private void expectProblem(String uri, String parameter) {
		this.client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
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

}
