package dev.surge.api.admin;

import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/admin/inventory/low-stock}: products running low, and those sold out,
 * each listed once.
 *
 * @param lowStock available but at or below the threshold, fewest first
 * @param outOfStock nothing available, by id
 */
record LowStockReport(List<StockLevel> lowStock, List<StockLevel> outOfStock) {

	/**
	 * Splits the catalogue: without a threshold each product's own warning level counts
	 * ({@code available <= warningStock}), with one {@code available <= threshold}.
	 */
	static LowStockReport of(List<StockLevel> products, @Nullable Long threshold) {
		List<StockLevel> out = products.stream()
			.filter((product) -> product.available() <= 0)
			.sorted(Comparator.comparingLong(StockLevel::id))
			.toList();
		List<StockLevel> low = products.stream()
			.filter((product) -> product.available() > 0)
			.filter((product) -> product.available() <= ((threshold != null) ? threshold : product.warningStock()))
			.sorted(Comparator.comparingLong(StockLevel::available).thenComparingLong(StockLevel::id))
			.toList();
		return new LowStockReport(low, out);
	}

}
