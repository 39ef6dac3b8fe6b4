package dev.surge.api.product;

import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.surge.api.auth.CurrentUser;
import dev.surge.api.system.Answers;
import dev.surge.api.system.ProblemType;
import dev.surge.api.system.Problems;
import dev.surge.contracts.ProductDeleted;
import dev.surge.contracts.ProductEvent;
import dev.surge.contracts.ProductUpdated;
import dev.surge.contracts.StockRestocked;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalogue, and its administration. Changes to existing products go through Kafka to
 * the consumer, the only writer of stock; the answer is 202.
 */
@RestController
record ProductController(ProductCatalog catalog, ProductCommands commands) {

	@SecurityRequirements
	@GetMapping("/api/products")
	Flux<Product> list() {
		return this.catalog.findAll();
	}

	@SecurityRequirements
	@Answers(ProblemType.NOT_FOUND)
	@GetMapping("/api/products/{id}")
	Mono<Product> get(@PathVariable long id) {
		return existing(id);
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping(path = "/api/admin/products", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<Product>> create(@Valid @RequestBody NewProduct product, @AuthenticationPrincipal Jwt token) {
		return this.catalog.create(product, CurrentUser.of(token).username())
			.map((created) -> ResponseEntity.created(URI.create("/api/products/" + created.id())).body(created));
	}

	@ResponseStatus(HttpStatus.ACCEPTED)
	@Answers(ProblemType.NOT_FOUND)
	@PutMapping(path = "/api/admin/products/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<Map<String, Object>>> update(@PathVariable long id,
			@Valid @RequestBody ProductChanges.Details details, @AuthenticationPrincipal Jwt token) {
		String operator = CurrentUser.of(token).username();
		return change(id, "UPDATE", () -> new ProductUpdated(id, details.name(), details.imageUrl(),
				details.priceCents(), details.warningStock(), operator, System.currentTimeMillis()));
	}

	@ResponseStatus(HttpStatus.ACCEPTED)
	@Answers({ ProblemType.NOT_FOUND, ProblemType.PRODUCT_IN_USE })
	@DeleteMapping("/api/admin/products/{id}")
	Mono<ResponseEntity<Map<String, Object>>> delete(@PathVariable long id, @AuthenticationPrincipal Jwt token) {
		String operator = CurrentUser.of(token).username();
		return existing(id).flatMap((product) -> this.catalog.hasOpenOrders(id)).flatMap((open) -> {
			if (open) {
				return Mono.error(ProblemType.PRODUCT_IN_USE
					.problem("Product " + id + " has open orders; finish or cancel them first")
					.with("productId", id)
					.toException());
			}
			return this.commands.publish(new ProductDeleted(id, operator, System.currentTimeMillis()));
		}).then(accepted(id, "DELETE"));
	}

	@ResponseStatus(HttpStatus.ACCEPTED)
	@Answers(ProblemType.NOT_FOUND)
	@PostMapping(path = "/api/admin/products/{id}/restock", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<Map<String, Object>>> restock(@PathVariable long id,
			@Valid @RequestBody ProductChanges.Restock restock, @AuthenticationPrincipal Jwt token) {
		String operator = CurrentUser.of(token).username();
		String reason = (restock.reason() != null) ? restock.reason() : "restock";
		return change(id, "RESTOCK", () -> new StockRestocked(id, restock.quantity(), operator, reason,
				UUID.randomUUID().toString(), System.currentTimeMillis()));
	}

	/** Publishes the change of an existing product, made once it is known to exist. */
	private Mono<ResponseEntity<Map<String, Object>>> change(long id, String action, Supplier<ProductEvent> change) {
		return existing(id).flatMap((product) -> this.commands.publish(change.get())).then(accepted(id, action));
	}

	private Mono<Product> existing(long id) {
		return this.catalog.findById(id).switchIfEmpty(Mono.error(Problems.notFound("Product " + id).toException()));
	}

	private static Mono<ResponseEntity<Map<String, Object>>> accepted(long id, String action) {
		return Mono.just(ResponseEntity.accepted().body(Map.of("productId", id, "action", action)));
	}

}
