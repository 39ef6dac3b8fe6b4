package dev.surge.stocksync.stock;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StockReportTests {

	@Test
	void isCleanWhenRedisHoldsTheTarget() {
		StockReport report = new StockReport(List.of(row(mysql(1, 100, 90, 6, 4), 87L, 87L, false)));

		assertThat(report.clean()).isTrue();
		assertThat(report.rows().get(0).state()).isEqualTo("ok");
		assertThat(print(report, false)).endsWith("clean\n");
	}

	@Test
	void reportsDriftInEitherDirection() {
		StockReport report = new StockReport(List.of(row(mysql(1, 100, 90, 10, 0), 92L, 90L, false),
				row(mysql(2, 10, 10, 0, 0), 7L, 9L, false), row(mysql(3, 5, 5, 0, 0), 5L, 5L, false)));

		assertThat(report.rows().get(0).problems()).containsExactly("Redis stock drifts by +2");
		assertThat(report.rows().get(1).problems()).containsExactly("Redis stock drifts by -2");
		assertThat(report.rows().get(2).clean()).isTrue();
		assertThat(report.dirty()).isEqualTo(2);
		assertThat(report.exitCode()).isEqualTo(1);
		assertThat(print(report, false)).endsWith("DRIFT: 2 products\n");
	}

	@Test
	void aRepairedDriftIsClean() {
		StockReport report = new StockReport(List.of(row(mysql(1, 100, 90, 10, 0), 92L, 90L, true)));

		assertThat(report.rows().get(0).state()).isEqualTo("FIXED");
		assertThat(report.clean()).isTrue();
	}

	@Test
	void reportsAProductWhoseStockIsNotLoadedOrThatNeverHeldStill() {
		StockReport report = new StockReport(
				List.of(row(mysql(1, 10, 10, 0, 0), null, 10L, false), row(mysql(2, 10, 10, 0, 0), 10L, null, false)));

		assertThat(report.rows().get(0).problems()).containsExactly("Redis stock not loaded");
		assertThat(report.rows().get(1).problems()).containsExactly("gate kept moving: not compared");
		assertThat(print(report, false)).contains("NOT_LOADED").contains("BUSY").endsWith("DRIFT: 2 products\n");
	}

	@Test
	void reportsBrokenMysqlInvariants() {
		StockReport report = new StockReport(
				List.of(row(mysql(1, 10, 5, 3, 3), 5L, 5L, false), row(mysql(2, 0, 2, -2, 0), 2L, 2L, false)));

		assertThat(report.rows().get(0).problems()).containsExactly("total != available + locked + sold");
		assertThat(report.rows().get(1).problems()).containsExactly("negative MySQL column");
		assertThat(report.clean()).isFalse();
	}

	@Test
	void printsOneJsonDocumentForScripts() {
		StockReport report = new StockReport(List.of(row(mysql(7, 10, 10, 0, 0), 12L, 10L, false)));

		assertThat(print(report, true)).startsWith("{\"clean\":false,\"products\":1,\"dirty\":1,\"driftUnits\":2,")
			.contains("\"productId\":7", "\"drift\":2", "\"state\":\"DRIFT\"",
					"\"problems\":[\"Redis stock drifts by +2\"]")
			.endsWith("}\n");
	}

	private static Reconciled row(ProductStock mysql, @Nullable Long redis, @Nullable Long target, boolean repaired) {
		Long drift = (redis != null && target != null) ? redis - target : null;
		return new Reconciled(mysql, new GateSnapshot(redis, "digest", Map.of()), 0, 0, target, drift, repaired);
	}

	private static ProductStock mysql(long id, long total, long available, long locked, long sold) {
		return new ProductStock(id, "限量版手机 Flash Phone", total, available, locked, sold);
	}

	private static String print(StockReport report, boolean json) {
		StringWriter text = new StringWriter();
		report.print(new PrintWriter(text), json);
		return text.toString();
	}

}
