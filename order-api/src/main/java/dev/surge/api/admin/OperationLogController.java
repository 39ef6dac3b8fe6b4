package dev.surge.api.admin;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import dev.surge.api.system.Blocking;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/admin/logs}: order, fulfilment, stock and security logs.
 */
@RestController
record OperationLogController(OperationLogs logs, Blocking blocking) {

	@GetMapping("/api/admin/logs")
	Mono<Page<LogEntry>> list(@RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String orderId,
			@RequestParam(required = false) @Nullable String productId,
			@RequestParam(required = false) @Nullable String operator,
			@RequestParam(required = false) @Nullable String page,
			@RequestParam(required = false) @Nullable String size) {
		LogQuery query = LogQuery.of(type, orderId, productId, operator, page, size);
		return this.blocking.call(() -> this.logs.page(query));
	}

}
