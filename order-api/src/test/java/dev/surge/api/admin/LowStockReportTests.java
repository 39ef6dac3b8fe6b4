package dev.surge.api.admin;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LowStockReportTests {

	private final StockLevel plenty = product(1, 10, 500);

	private final StockLevel atWarning = product(2, 10, 10);

	private final StockLevel low = product(3, 10, 4);

	private final StockLevel soldOut = product(4, 10, 0);

	private final StockLevel noWarning = product(5, 0, 3);

	private final List<StockLevel> catalogue = List.of(this.plenty, this.atWarning, this.low, this.soldOut,
			this.noWarning);

	@Test
	void usesEachProductsOwnWarningLevelByDefault() {
		LowStockReport report = LowStockReport.of(this.catalogue, null);
		assertThat(report.lowStock()).containsExactly(this.low, this.atWarning);
		assertThat(report.outOfStock()).containsExactly(this.soldOut);
	}

	@Test
	void aThresholdReplacesTheWarningLevels() {
		LowStockReport report = LowStockReport.of(this.catalogue, 3L);
		assertThat(report.lowStock()).containsExactly(this.noWarning);
		assertThat(report.outOfStock()).containsExactly(this.soldOut);
	}

	@Test
	void soldOutProductsAreNeverAlsoLow() {
		LowStockReport report = LowStockReport.of(this.catalogue, 1_000L);
		assertThat(report.lowStock()).doesNotContain(this.soldOut).hasSize(4);
		assertThat(report.outOfStock()).containsExactly(this.soldOut);
	}

	@Test
	void eachProductSaysWhetherItIsLowAtOrBelowItsLevel() {
		assertThat(this.atWarning.lowStock()).isTrue();
		assertThat(this.low.lowStock()).isTrue();
		assertThat(this.plenty.lowStock()).isFalse();
		assertThat(this.noWarning.lowStock()).isFalse();
		assertThat(product(6, 0, 0).lowStock()).as("a level of 0 alerts when sold out").isTrue();
	}

	private static StockLevel product(long id, int warningStock, long available) {
		return new StockLevel(id, "Product " + id, null, 1999, warningStock, available + 5, available, 3, 2, available);
	}

}
