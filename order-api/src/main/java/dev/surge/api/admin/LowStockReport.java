package dev.surge.api.admin;

import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.surge.contracts.LowStock;

/**
 * {@code GET /api/admin/inventory/low-stock}: products running low, and those sold out,
 * each listed once.
 *
 * @param lowStock available but at or below the threshold, fewest first
 * @param outOfStock nothing available, by id
 */
record LowStockReport(List<StockLevel> lowStock, List<StockLevel> outOfStock) {

	/**
	 * Splits the catalogue by {@link LowStock#isLow}: without a threshold against each
	 * product's own warning level, with one against it.
	 */
	static LowStockReport of(List<StockLevel> products, @Nullable Long threshold) {
		List<StockLevel> out = products.stream()
			.filter((product) -> product.available() <= 0)
			.sorted(Comparator.comparingLong(StockLevel::id))
			.toList();
		List<StockLevel> low = products.stream()
			.filter((product) -> product.available() > 0)
			.filter((product) -> LowStock.isLow(product.available(),
					(threshold != null) ? threshold : product.warningStock()))
			.sorted(Comparator.comparingLong(StockLevel::available).thenComparingLong(StockLevel::id))
			.toList();
		return new LowStockReport(low, out);
	}

}
