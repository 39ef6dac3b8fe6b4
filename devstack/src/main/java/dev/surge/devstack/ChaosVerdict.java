package dev.surge.devstack;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The verdict of a chaos run, read from MySQL and Redis once everything drained.
 *
 * @param states orders of the run's products in MySQL, by state
 * @param accepted orders the clients got a 202 for
 * @param missing accepted orders not in MySQL
 * @param abandoned accepted orders recorded as abandoned
 * @param rejectedAfterAccept accepted orders MySQL then rejected (a symptom of drift)
 * @param oversold units promised beyond a product's stock, summed
 * @param duplicated PRELOCK rows beyond one per locked order line
 * @param movedTwice units locked or sold beyond the locked orders' units
 * @param reservationsLeft reservations not claimed after the drain
 * @param driftBefore Redis minus expected stock per product before reconcile (units)
 * @param driftAfter the same after {@code stock-sync reconcile --fix}
 * @param reconcileExit exit code of reconcile --fix
 * @param checkExit exit code of the final {@code stock-sync check}
 */
record ChaosVerdict(Map<String, Long> states, long accepted, long missing, long abandoned, long rejectedAfterAccept,
		long oversold, long duplicated, long movedTwice, long reservationsLeft, Map<Long, Long> driftBefore,
		Map<Long, Long> driftAfter, int reconcileExit, int checkExit) {

	static ChaosVerdict of(Connection db, List<Long> products, long stock, long accepted, long missing, long abandoned,
			long reservationsLeft, Map<Long, Long> driftBefore, Map<Long, Long> driftAfter, int reconcileExit,
			int checkExit) throws SQLException {
		try (db) {
			String in = String.join(",", Collections.nCopies(products.size(), "?"));
			Map<String, Long> states = new TreeMap<>();
			try (PreparedStatement select = prepare(db, """
					SELECT o.status, COUNT(DISTINCT o.id) FROM orders o JOIN order_items i ON i.order_id = o.id
					WHERE i.product_id IN (%s) GROUP BY o.status""".formatted(in), products);
					ResultSet rs = select.executeQuery()) {
				while (rs.next()) {
					states.put(rs.getString(1), rs.getLong(2));
				}
			}
			long oversold = 0;
			long duplicated = 0;
			long movedTwice = 0;
			try (PreparedStatement select = prepare(db, """
					SELECT s.product_id, s.locked + s.sold,
					  (SELECT COALESCE(SUM(i.quantity), 0) FROM order_items i JOIN orders o ON o.id = i.order_id
					   WHERE i.product_id = s.product_id AND o.status NOT IN ('REJECTED', 'CANCELLED')),
					  (SELECT COUNT(*) FROM order_items i JOIN orders o ON o.id = i.order_id
					   WHERE i.product_id = s.product_id AND o.status NOT IN ('REJECTED', 'CANCELLED')),
					  (SELECT COUNT(*) FROM stock_log l WHERE l.product_id = s.product_id AND l.change_type = 'PRELOCK')
					FROM product_stock s WHERE s.product_id IN (%s)""".formatted(in), products);
					ResultSet rs = select.executeQuery()) {
				while (rs.next()) {
					long held = rs.getLong(2);
					long promised = rs.getLong(3);
					oversold += Math.max(0, promised - stock) + Math.max(0, held - stock);
					duplicated += Math.max(0, rs.getLong(5) - rs.getLong(4));
					movedTwice += Math.abs(held - promised);
				}
			}
			return new ChaosVerdict(states, accepted, missing, abandoned,
					states.getOrDefault("REJECTED", 0L) == 0 ? 0 : rejectedAccepted(db), oversold, duplicated,
					movedTwice, reservationsLeft, driftBefore, driftAfter, reconcileExit, checkExit);
		}
	}

	private static long rejectedAccepted(Connection db) {
		// the run's clients only ever got a 202 for the orders the API accepted; a
		// REJECTED
		// order was accepted by definition (the API publishes only what it reserved)
		try (PreparedStatement select = db.prepareStatement(
				"SELECT COUNT(*) FROM orders WHERE status = 'REJECTED' AND status_reason = 'OUT_OF_STOCK'");
				ResultSet rs = select.executeQuery()) {
			rs.next();
			return rs.getLong(1);
		}
		catch (SQLException ex) {
			return -1;
		}
	}

	private static PreparedStatement prepare(Connection db, String sql, List<Long> ids) throws SQLException {
		PreparedStatement statement = db.prepareStatement(sql);
		for (int i = 0; i < ids.size(); i++) {
			statement.setLong(i + 1, ids.get(i));
		}
		return statement;
	}

	List<String> violations() {
		List<String> violations = new ArrayList<>();
		check(violations, this.oversold == 0, "units oversold");
		check(violations, this.missing == 0 && this.abandoned == 0, "accepted orders missing");
		check(violations, this.duplicated == 0 && this.movedTwice == 0, "orders duplicated");
		check(violations, this.reservationsLeft == 0, "reservations left after the drain");
		check(violations, units(this.driftAfter) == 0, "Redis/MySQL drift after reconcile");
		check(violations, this.reconcileExit == 0 && this.checkExit == 0, "stock-sync reconcile/check not clean");
		return violations;
	}

	private static void check(List<String> violations, boolean holds, String what) {
		if (!holds) {
			violations.add(what);
		}
	}

	static long units(Map<Long, Long> drift) {
		return drift.values()
			.stream()
			.mapToLong((value) -> (value == Long.MIN_VALUE) ? 1_000_000 : Math.abs(value))
			.sum();
	}

	void print(PrintStream out, long orders, long sent, Duration load, String total, Map<String, ?> answers) {
		String row = "%-46s %14s  %s%n";
		out.println();
		out.println("Chaos verdict");
		out.printf(row, "check", "value", "");
		out.printf(row, "orders asked (--orders)", orders, "");
		out.printf(row, "requests sent", sent, "in " + load.truncatedTo(ChronoUnit.SECONDS) + ", run " + total);
		answers.forEach((status, count) -> out.printf(row, "  answered " + status, count, ""));
		out.printf(row, "accepted (202)", this.accepted, "");
		this.states.forEach((state, count) -> out.printf(row, "  orders in MySQL " + state, count, ""));
		out.printf(row, "accepted, then rejected by MySQL", this.rejectedAfterAccept, "drift symptom (not a loss)");
		out.printf(row, "units oversold", this.oversold, verdict(this.oversold == 0));
		out.printf(row, "accepted orders missing", this.missing + this.abandoned,
				verdict(this.missing == 0 && this.abandoned == 0));
		out.printf(row, "orders duplicated", this.duplicated + this.movedTwice,
				verdict(this.duplicated == 0 && this.movedTwice == 0));
		out.printf(row, "reservations left after drain", this.reservationsLeft, verdict(this.reservationsLeft == 0));
		out.printf(row, "Redis/MySQL drift before reconcile (units)", units(this.driftBefore),
				"products drifting: " + drifting(this.driftBefore));
		out.printf(row, "Redis/MySQL drift after reconcile (units)", units(this.driftAfter),
				verdict(units(this.driftAfter) == 0));
		out.printf(row, "stock-sync reconcile --fix / check exit", this.reconcileExit + " / " + this.checkExit,
				verdict(this.reconcileExit == 0 && this.checkExit == 0));
		out.println(violations().isEmpty() ? "PASS" : "FAIL: " + String.join(", ", violations()));
		out.flush();
	}

	private static Map<Long, Long> drifting(Map<Long, Long> drift) {
		Map<Long, Long> only = new TreeMap<>();
		drift.forEach((product, units) -> {
			if (units != 0) {
				only.put(product, units);
			}
		});
		return only;
	}

	private static String verdict(boolean holds) {
		return holds ? "ok" : "VIOLATION";
	}

}
