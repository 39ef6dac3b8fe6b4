package dev.surge.api.order;

import java.net.URI;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import dev.surge.api.auth.CurrentUser;
import dev.surge.api.system.Answers;
import dev.surge.api.system.ApiException;
import dev.surge.api.system.Blocking;
import dev.surge.api.system.ProblemType;
import dev.surge.api.system.Problems;
import dev.surge.contracts.OrderPlaced;
import dev.surge.contracts.OrderStatus;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Orders of the calling customer; admins see every order.
 */
@RestController
record OrderController(OrderPlacement placement, OrderQueries queries, InFlightOrders inFlight, Blocking blocking,
		OrderAccess access) {

	@ResponseStatus(HttpStatus.ACCEPTED)
	@Answers({ ProblemType.UNKNOWN_PRODUCT, ProblemType.OUT_OF_STOCK, ProblemType.REQUEST_IN_FLIGHT,
			ProblemType.IDEMPOTENCY_KEY_REUSED })
	@PostMapping(path = "/api/orders", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<OrderAccepted>> place(@Valid @RequestBody OrderRequest request,
			@RequestHeader(name = "Idempotency-Key",
					required = false) @Nullable @Pattern(regexp = "[A-Za-z0-9_.:-]{8,100}") String idempotencyKey,
			@AuthenticationPrincipal Jwt token) {
		return this.placement.place(CurrentUser.of(token).id(), request, idempotencyKey).map(OrderController::respond);
	}

	@Answers(ProblemType.NOT_FOUND)
	@GetMapping("/api/orders/{id}")
	Mono<OrderView> get(@PathVariable long id, @AuthenticationPrincipal Jwt token, ServerHttpRequest request) {
		CurrentUser user = CurrentUser.of(token);
		return this.blocking.call(() -> this.queries.find(id))
			.flatMap((stored) -> stored.map(Mono::just).orElseGet(() -> inFlight(id)))
			// the consumer deletes the in-flight copy right after it committed the order
			.switchIfEmpty(Mono.defer(() -> this.blocking.call(() -> this.queries.find(id))).flatMap(Mono::justOrEmpty))
			.filter((order) -> this.access.permits(user, order.userId(), id, request))
			.map((order) -> order.forCaller(user.actor()))
			.switchIfEmpty(Mono.error(Problems.notFound("Order " + id).toException()));
	}

	@GetMapping("/api/orders")
	Mono<OrderView.Page> list(@RequestParam(required = false) @Nullable OrderStatus status,
			@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, @AuthenticationPrincipal Jwt token) {
		CurrentUser user = CurrentUser.of(token);
		return this.blocking.call(() -> this.queries.page(user.id(), status, page, size))
			.map((orders) -> orders.forCaller(user.actor()));
	}

	private Mono<OrderView> inFlight(long id) {
		return this.inFlight.find(id).flatMap((order) -> Mono.justOrEmpty(order.map(OrderController::accepted)));
	}

	private static OrderView accepted(OrderPlaced order) {
		List<OrderView.Item> items = order.items()
			.stream()
			.map((line) -> new OrderView.Item(line.productId(), null, line.quantity(), null))
			.toList();
		return new OrderView(Long.toString(order.orderId()), order.orderNo(), order.userId(), OrderStatus.ACCEPTED,
				null, null, OrderIds.createdAt(order.orderId()), null, null, items, List.of(), List.of());
	}

	/**
	 * Names every short product in {@code shortages}; the first one's fields stay at the
	 * top level too, as a one-line order has always had them.
	 */
	private static ApiException outOfStock(Placement.OutOfStock out) {
		Placement.Shortage first = out.shortages().getFirst();
		String detail = out.shortages()
			.stream()
			.map((shortage) -> "only " + shortage.available() + " left of product " + shortage.productId())
			.collect(Collectors.joining(", "));
		return ProblemType.OUT_OF_STOCK.problem(Character.toUpperCase(detail.charAt(0)) + detail.substring(1))
			.with("productId", first.productId())
			.with("requested", first.requested())
			.with("available", first.available())
			.with("shortages", out.shortages().stream().map(OrderController::member).toList())
			.toException();
	}

	private static Map<String, Object> member(Placement.Shortage shortage) {
		Map<String, Object> member = new LinkedHashMap<>();
		member.put("productId", shortage.productId());
		member.put("requested", shortage.requested());
		member.put("available", shortage.available());
		return member;
	}

	private static ResponseEntity<OrderAccepted> respond(Placement placement) {
		return switch (placement) {
			case Placement.Accepted accepted -> ResponseEntity.accepted()
				.location(URI.create("/api/orders/" + accepted.orderId()))
				.body(OrderAccepted.of(accepted));
			case Placement.OutOfStock out -> throw outOfStock(out);
			case Placement.UnknownProduct unknown ->
				throw ProblemType.UNKNOWN_PRODUCT.problem("Product " + unknown.productId() + " does not exist")
					.with("productId", unknown.productId())
					.toException();
			case Placement.StockNotLoaded missing ->
				throw Problems.unavailable("The stock of product " + missing.productId() + " is not loaded")
					.with("productId", missing.productId())
					.toException();
			case Placement.Unavailable unavailable -> throw Problems.unavailable(unavailable.reason()).toException();
			case Placement.Unconfirmed unconfirmed ->
				throw Problems.unavailable("Kafka did not confirm order " + unconfirmed.orderId()
						+ " in time: it may still be placed, otherwise its stock is given back within a minute;"
						+ " a retry with the same Idempotency-Key learns which")
					.toException();
			case Placement.KeyReused reused -> throw ProblemType.IDEMPOTENCY_KEY_REUSED
				.problem("This Idempotency-Key was used with another request body")
				.toException();
			case Placement.InFlight running -> throw ProblemType.REQUEST_IN_FLIGHT
				.problem("A request with this Idempotency-Key is still being processed")
				.retryAfter(Problems.RETRY_AFTER)
				.toException();
			case Placement.Invalid invalid -> throw Problems.invalid(invalid.reason()).toException();
		};
	}

}
