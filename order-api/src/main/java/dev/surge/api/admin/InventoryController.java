package dev.surge.api.admin;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/admin/inventory/low-stock}.
 */
@RestController
class InventoryController {

	private final StockLevels stock;

	InventoryController(StockLevels stock) {
		this.stock = stock;
	}

	@GetMapping("/api/admin/inventory/low-stock")
	Mono<LowStockReport> lowStock(@RequestParam(required = false) @Nullable String threshold) {
		Integer limit = (threshold == null || threshold.isEmpty()) ? null
				: QueryParameters.integer("threshold", threshold, 0, 0, 1_000_000_000);
		return this.stock.all()
			.map((products) -> LowStockReport.of(products, (limit != null) ? limit.longValue() : null));
	}

}
