package dev.surge.api.admin;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import dev.surge.api.system.Blocking;
import dev.surge.contracts.OrderStatus;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/admin/orders}: every customer's orders, filtered and paged.
 */
@RestController
record AdminOrdersController(AdminOrders orders, Blocking blocking) {

	@GetMapping("/api/admin/orders")
	Mono<Page<AdminOrder>> list(@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String userId,
			@RequestParam(required = false) @Nullable String page,
			@RequestParam(required = false) @Nullable String size) {
		OrderStatus state = QueryParameters.oneOf("status", status, OrderStatus.class);
		Long user = QueryParameters.id("userId", userId);
		int number = QueryParameters.integer("page", page, 0, 0, 10_000);
		int rows = QueryParameters.integer("size", size, 20, 1, 100);
		return this.blocking.call(() -> this.orders.page(state, user, number, rows));
	}

}
