package dev.surge.stocksync.stock;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import dev.surge.stocksync.stock.RedisStock.Snapshot;
import org.jspecify.annotations.Nullable;

/**
 * Compares MySQL and Redis per product against the invariants: {@code total = available +
 * locked + sold}, no negative column, and
 * {@code redis stock = available − Σ reservations}. Pure, so the verdicts are
 * unit-tested.
 */
final class StockCheck {

	private static final String FORMAT = "%6s %8s %9s %7s %7s %8s %8s %9s %6s  %s%n";

	private StockCheck() {
	}

	static Report of(List<Observed> observed) {
		return new Report(observed.stream().map(StockCheck::check).toList());
	}

	private static Row check(Observed observed) {
		ProductStock mysql = observed.mysql();
		Snapshot redis = observed.redis();
		List<String> problems = new ArrayList<>();
		if (mysql.total() != mysql.available() + mysql.locked() + mysql.sold()) {
			problems.add("total != available + locked + sold");
		}
		if (mysql.total() < 0 || mysql.available() < 0 || mysql.locked() < 0 || mysql.sold() < 0) {
			problems.add("negative MySQL column");
		}
		long expected = mysql.available() - redis.reserved();
		Long drift = (redis.stock() != null) ? redis.stock() - expected : null;
		if (redis.stock() == null) {
			problems.add("Redis stock not loaded");
		}
		else if (drift != 0) {
			problems.add("Redis stock drifts by " + ((drift > 0) ? "+" : "") + drift);
		}
		if (redis.stock() != null && redis.stock() < 0) {
			problems.add("negative Redis stock");
		}
		return new Row(mysql, redis, expected, drift, List.copyOf(problems));
	}

	/**
	 * What was read for one product.
	 *
	 * @param mysql the MySQL row
	 * @param redis the Redis keys
	 */
	record Observed(ProductStock mysql, Snapshot redis) {

	}

	/**
	 * The verdict for one product.
	 *
	 * @param mysql the MySQL row
	 * @param redis the Redis keys
	 * @param expected the Redis stock the invariant asks for
	 * @param drift Redis stock minus expected, {@code null} when Redis has no stock key
	 * @param problems every broken invariant, empty when clean
	 */
	record Row(ProductStock mysql, Snapshot redis, long expected, @Nullable Long drift, List<String> problems) {

		boolean clean() {
			return this.problems.isEmpty();
		}

	}

	/**
	 * The verdicts of a check.
	 *
	 * @param rows one per product
	 */
	record Report(List<Row> rows) {

		long dirty() {
			return this.rows.stream().filter((row) -> !row.clean()).count();
		}

		boolean clean() {
			return dirty() == 0;
		}

		void print(PrintWriter out) {
			out.printf(FORMAT, "id", "total", "available", "locked", "sold", "redis", "Σresv", "expected", "drift",
					"name");
			for (Row row : this.rows) {
				ProductStock m = row.mysql();
				out.printf(FORMAT, m.id(), m.total(), m.available(), m.locked(), m.sold(),
						(row.redis().stock() != null) ? row.redis().stock() : "-", row.redis().reserved(),
						row.expected(), (row.drift() != null) ? row.drift() : "-", m.name());
				row.problems().forEach((problem) -> out.printf("%6s   ! %s%n", "", problem));
			}
			out.println(clean() ? "clean" : "DRIFT: " + dirty() + " products");
			out.flush();
		}

	}

}
