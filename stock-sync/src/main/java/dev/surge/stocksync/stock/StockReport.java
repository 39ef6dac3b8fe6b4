package dev.surge.stocksync.stock;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The verdicts of {@code check} or {@code reconcile}: a table for people, or JSON for
 * scripts ({@code --json}). Clean when no product has a problem left.
 *
 * @param rows one per product
 */
record StockReport(List<Reconciled> rows) {

	private static final String FORMAT = "%6s %7s %9s %7s %7s %7s %7s %9s %7s %8s %6s  %-10s %s%n";

	long dirty() {
		return this.rows.stream().filter((row) -> !row.clean()).count();
	}

	boolean clean() {
		return dirty() == 0;
	}

	int exitCode() {
		return clean() ? 0 : 1;
	}

	void print(PrintWriter out, boolean json) {
		if (json) {
			out.println(JsonMapper.shared().writeValueAsString(asJson()));
		}
		else {
			printTable(out);
		}
		out.flush();
	}

	private void printTable(PrintWriter out) {
		out.printf(FORMAT, "id", "total", "available", "locked", "sold", "redis", "Σresv", "unclaimed", "pending",
				"expected", "drift", "state", "name");
		for (Reconciled row : this.rows) {
			ProductStock m = row.stock();
			out.printf(FORMAT, m.id(), m.total(), m.available(), m.locked(), m.sold(), dash(row.snapshot().stock()),
					row.snapshot().reservedUnits(), row.unclaimed(), row.pending(), dash(row.target()),
					dash(row.drift()), row.state(), m.name());
			row.problems().forEach((problem) -> out.printf("%6s   ! %s%n", "", problem));
		}
		out.println(clean() ? "clean" : "DRIFT: " + dirty() + " products");
	}

	private Map<String, Object> asJson() {
		List<Map<String, Object>> products = this.rows.stream().map(StockReport::asJson).toList();
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("clean", clean());
		json.put("products", products.size());
		json.put("dirty", dirty());
		json.put("driftUnits",
				this.rows.stream()
					.filter((row) -> !row.repaired() && row.drift() != null)
					.mapToLong((row) -> Math.abs(row.drift()))
					.sum());
		json.put("rows", products);
		return json;
	}

	private static Map<String, Object> asJson(Reconciled row) {
		ProductStock m = row.stock();
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("productId", m.id());
		json.put("name", m.name());
		json.put("total", m.total());
		json.put("available", m.available());
		json.put("locked", m.locked());
		json.put("sold", m.sold());
		json.put("redisStock", row.snapshot().stock());
		json.put("reservedUnits", row.snapshot().reservedUnits());
		json.put("unclaimedUnits", row.unclaimed());
		json.put("pendingReturns", row.pending());
		json.put("expected", row.target());
		json.put("drift", row.drift());
		json.put("state", row.state());
		json.put("problems", row.problems());
		return json;
	}

	private static String dash(@Nullable Long value) {
		return (value != null) ? value.toString() : "-";
	}

}
