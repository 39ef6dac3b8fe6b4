package dev.surge.stocksync.stock;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import dev.surge.stocksync.stock.RedisStock.Snapshot;
import dev.surge.stocksync.stock.StockCheck.Observed;
import dev.surge.stocksync.stock.StockCheck.Report;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StockCheckTests {

	@Test
	void isCleanWhenRedisEqualsAvailableMinusReservations() {
		Report report = StockCheck.of(List.of(observed(mysql(1, 100, 90, 6, 4), new Snapshot(87L, 3, 2))));

		assertThat(report.clean()).isTrue();
		assertThat(report.rows().get(0).expected()).isEqualTo(87);
		assertThat(report.rows().get(0).drift()).isZero();
		assertThat(print(report)).endsWith("clean\n");
	}

	@Test
	void reportsDriftInEitherDirection() {
		Report report = StockCheck.of(List.of(observed(mysql(1, 100, 90, 10, 0), new Snapshot(92L, 0, 0)),
				observed(mysql(2, 10, 10, 0, 0), new Snapshot(7L, 1, 1)),
				observed(mysql(3, 5, 5, 0, 0), new Snapshot(5L, 0, 0))));

		assertThat(report.rows().get(0).drift()).isEqualTo(2);
		assertThat(report.rows().get(0).problems()).containsExactly("Redis stock drifts by +2");
		assertThat(report.rows().get(1).drift()).isEqualTo(-2);
		assertThat(report.rows().get(2).clean()).isTrue();
		assertThat(report.dirty()).isEqualTo(2);
		assertThat(print(report)).endsWith("DRIFT: 2 products\n");
	}

	@Test
	void reportsAProductWhoseStockIsNotLoaded() {
		Report report = StockCheck.of(List.of(observed(mysql(1, 10, 10, 0, 0), new Snapshot(null, 0, 0))));

		assertThat(report.rows().get(0).drift()).isNull();
		assertThat(report.rows().get(0).problems()).containsExactly("Redis stock not loaded");
		assertThat(print(report)).contains("      -").endsWith("DRIFT: 1 products\n");
	}

	@Test
	void reportsBrokenMysqlInvariants() {
		Report report = StockCheck.of(List.of(observed(mysql(1, 10, 5, 3, 3), new Snapshot(5L, 0, 0)),
				observed(mysql(2, 0, 2, -2, 0), new Snapshot(2L, 0, 0))));

		assertThat(report.rows().get(0).problems()).containsExactly("total != available + locked + sold");
		assertThat(report.rows().get(1).problems()).containsExactly("negative MySQL column");
		assertThat(report.clean()).isFalse();
	}

	@Test
	void reportsMoreReservedThanAvailable() {
		Report report = StockCheck.of(List.of(observed(mysql(1, 10, 2, 8, 0), new Snapshot(0L, 3, 1))));

		assertThat(report.rows().get(0).expected()).isEqualTo(-1);
		assertThat(report.rows().get(0).drift()).isEqualTo(1);
		assertThat(report.clean()).isFalse();
	}

	private static Observed observed(ProductStock mysql, Snapshot redis) {
		return new Observed(mysql, redis);
	}

	private static ProductStock mysql(long id, long total, long available, long locked, long sold) {
		return new ProductStock(id, "限量版手机 Flash Phone", total, available, locked, sold);
	}

	private static String print(Report report) {
		StringWriter text = new StringWriter();
		report.print(new PrintWriter(text));
		return text.toString();
	}

}
