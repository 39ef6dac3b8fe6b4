package dev.surge.api.product;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import dev.surge.api.auth.RouteSlice;
import dev.surge.api.security.SecurityLog;
import dev.surge.api.system.ProblemType;
import dev.surge.contracts.ProductUpdated;
import dev.surge.contracts.StockRestocked;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.JwtMutator;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.surge.api.auth.RouteSlice.expectProblem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The product administration behind the API's own security, with the catalogue and Kafka
 * replaced: only an admin may change products (no token 401, a customer 403), bodies
 * outside the rules are 400 problems naming the field, and nothing is written or
 * published for any refused request.
 */
@WebFluxTest(controllers = ProductController.class, properties = RouteSlice.PROPERTIES)
@Import(RouteSlice.class)
class ProductAdminRoutesTests {

	private static final long PRODUCT = 7;

	private static final Map<String, Object> DETAILS = Map.of("name", "Kettle", "imageUrl", "/img/kettle.png",
			"priceCents", 1999, "warningStock", 5);

	@Autowired
	private WebTestClient client;

	@MockitoBean
	private ProductCatalog catalog;

	@MockitoBean
	private ProductCommands commands;

	@MockitoBean
	private SecurityLog securityLog;

	@BeforeEach
	void storesAnswer() {
		given(this.catalog.findById(PRODUCT)).willReturn(Mono.just(kettle()));
		given(this.catalog.findById(PRODUCT + 1)).willReturn(Mono.empty());
		given(this.commands.publish(any())).willReturn(Mono.empty());
	}

	@Test
	void withoutATokenNoProductChanges() {
		for (WebTestClient.RequestHeadersSpec<?> request : changes(this.client)) {
			expectProblem(request.exchange(), ProblemType.UNAUTHORIZED);
		}
		nothingWasChanged();
	}

	@Test
	void aCustomerTokenOnAnAdminRouteIs403() {
		for (WebTestClient.RequestHeadersSpec<?> request : changes(this.client.mutateWith(RouteSlice.customer(42)))) {
			expectProblem(request.exchange(), ProblemType.FORBIDDEN);
		}
		nothingWasChanged();
	}

	@Test
	void anAdminCreatesAProductAndTheActionIsLogged() {
		given(this.catalog.create(any(), eq("root"))).willReturn(Mono.just(kettle()));

		send(HttpMethod.POST, "/api/admin/products", with(DETAILS, "initialStock", 10)).expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals("Location", "/api/products/" + PRODUCT)
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("Kettle");
		verify(this.catalog).create(new NewProduct("Kettle", "/img/kettle.png", 1999L, 5, 10), "root");
		verify(this.securityLog).record(argThat((event) -> "ADMIN_ACTION".equals(event.action())));
	}

	@Test
	void aNewProductOutsideTheRulesIsAProblemNamingTheField() {
		Map<String, Object> product = with(DETAILS, "initialStock", 10);
		expectInvalidField("/api/admin/products", with(product, "name", " "), "name");
		expectInvalidField("/api/admin/products", with(product, "name", "k".repeat(201)), "name");
		expectInvalidField("/api/admin/products", with(product, "imageUrl", "javascript:alert(1)"), "imageUrl");
		expectInvalidField("/api/admin/products", with(product, "imageUrl", "http://example.com/a.png"), "imageUrl");
		expectInvalidField("/api/admin/products", with(product, "priceCents", -1), "priceCents");
		expectInvalidField("/api/admin/products", with(product, "priceCents", 10_000_000_001L), "priceCents");
		expectInvalidField("/api/admin/products", with(product, "warningStock", 1_000_001), "warningStock");
		expectInvalidField("/api/admin/products", with(product, "initialStock", -1), "initialStock");
		expectInvalidField("/api/admin/products", with(product, "initialStock", 10_000_001), "initialStock");
		expectInvalidField("/api/admin/products", DETAILS, "initialStock");
		nothingWasChanged();
	}

	@Test
	void anUnknownFieldOrAFractionIsAProblem() {
		expectInvalid(send(HttpMethod.POST, "/api/admin/products", with(with(DETAILS, "initialStock", 10), "id", 1)))
			.jsonPath("$.detail")
			.isEqualTo("Unknown field in the request body");
		expectInvalid(send(HttpMethod.PUT, "/api/admin/products/" + PRODUCT, with(DETAILS, "priceCents", 19.99)))
			.jsonPath("$.detail")
			.isEqualTo("A field has the wrong type");
		nothingWasChanged();
	}

	@Test
	void anUpdateIsPublishedForTheConsumer() {
		expectAccepted(send(HttpMethod.PUT, "/api/admin/products/" + PRODUCT, DETAILS), "UPDATE");
		verify(this.commands).publish(argThat((event) -> event instanceof ProductUpdated updated
				&& updated.priceCents() == 1999 && "root".equals(updated.operator())));
	}

	@Test
	void anUpdateOutsideTheRulesIsAProblem() {
		expectInvalidField("/api/admin/products/" + PRODUCT, with(DETAILS, "warningStock", -1), "warningStock");
		expectInvalidField("/api/admin/products/" + PRODUCT, with(DETAILS, "imageUrl", "/a b.png"), "imageUrl");
		verify(this.commands, never()).publish(any());
	}

	@Test
	void anUnknownProductIsNotFoundAndNothingIsPublished() {
		expectProblem(send(HttpMethod.PUT, "/api/admin/products/" + (PRODUCT + 1), DETAILS), ProblemType.NOT_FOUND);
		send(HttpMethod.POST, "/api/admin/products/" + (PRODUCT + 1) + "/restock", Map.of("quantity", 5)).expectStatus()
			.isNotFound();
		verify(this.commands, never()).publish(any());
	}

	@Test
	void aRestockIsPublishedWithItsReason() {
		expectAccepted(send(HttpMethod.POST, "/api/admin/products/" + PRODUCT + "/restock", Map.of("quantity", 50)),
				"RESTOCK");
		verify(this.commands).publish(argThat((event) -> event instanceof StockRestocked restocked
				&& restocked.quantity() == 50 && "restock".equals(restocked.reason())));
	}

	@Test
	void aRestockOutsideTheRulesIsAProblem() {
		String restock = "/api/admin/products/" + PRODUCT + "/restock";
		expectInvalidField(restock, Map.of("quantity", 0), "quantity");
		expectInvalidField(restock, Map.of("quantity", 1_000_001), "quantity");
		expectInvalidField(restock, Map.of("reason", "more"), "quantity");
		expectInvalidField(restock, Map.of("quantity", 5, "reason", "r".repeat(201)), "reason");
		expectInvalid(send(HttpMethod.POST, "/api/admin/products/abc/restock", Map.of("quantity", 5)));
		verify(this.commands, never()).publish(any());
	}

	private void nothingWasChanged() {
		verify(this.catalog, never()).create(any(), any());
		verifyNoInteractions(this.commands);
	}

	private void expectInvalidField(String uri, Map<String, Object> body, String field) {
		HttpMethod method = uri.matches("/api/admin/products/[0-9]+") ? HttpMethod.PUT : HttpMethod.POST;
		expectInvalid(send(method, uri, body)).jsonPath("$.errors[0].field").isEqualTo(field);
	}

	private static void expectAccepted(WebTestClient.ResponseSpec response, String action) {
		response.expectStatus().isAccepted().expectBody().jsonPath("$.action").isEqualTo(action);
	}

	private static WebTestClient.BodyContentSpec expectInvalid(WebTestClient.ResponseSpec response) {
		return expectProblem(response, ProblemType.INVALID_REQUEST);
	}

	private WebTestClient.ResponseSpec send(HttpMethod method, String uri, Map<String, Object> body) {
		return request(this.client.mutateWith(RouteSlice.admin()), method, uri, body).exchange();
	}

	/** Every change of the administration, each with a body that would be valid. */
	private static List<WebTestClient.RequestHeadersSpec<?>> changes(WebTestClient client) {
		return List.of(request(client, HttpMethod.POST, "/api/admin/products", with(DETAILS, "initialStock", 1)),
				request(client, HttpMethod.PUT, "/api/admin/products/" + PRODUCT, DETAILS),
				request(client, HttpMethod.POST, "/api/admin/products/" + PRODUCT + "/restock", Map.of("quantity", 1)),
				client.delete().uri("/api/admin/products/" + PRODUCT));
	}

	private static WebTestClient.RequestHeadersSpec<?> request(WebTestClient client, HttpMethod method, String uri,
			Map<String, Object> body) {
		return client.method(method).uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body);
	}

	private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
		Map<String, Object> changed = new HashMap<>(body);
		changed.put(field, value);
		return changed;
	}

	private static Product kettle() {
		return new Product(PRODUCT, "Kettle", "/img/kettle.png", 1999, 5, 10, 10, 0, 0, 10L);
	}

}
