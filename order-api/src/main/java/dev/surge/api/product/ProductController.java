package dev.surge.api.product;

import java.net.URI;

import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.surge.api.auth.CurrentUser;
import dev.surge.api.system.Problems;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalogue, and its administration.
 */
@RestController
class ProductController {

	private final ProductCatalog catalog;

	ProductController(ProductCatalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/api/products")
	Flux<Product> list() {
		return this.catalog.findAll();
	}

	@GetMapping("/api/products/{id}")
	Mono<Product> get(@PathVariable long id) {
		return this.catalog.findById(id).switchIfEmpty(Mono.error(Problems.notFound("Product " + id).toException()));
	}

	@PostMapping(path = "/api/admin/products", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<Product>> create(@Valid @RequestBody NewProduct product, @AuthenticationPrincipal Jwt token) {
		return this.catalog.create(product, CurrentUser.of(token).username())
			.map((created) -> ResponseEntity.created(URI.create("/api/products/" + created.id())).body(created));
	}

}
