package dev.surge.devstack;

import java.io.PrintStream;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.surge.devstack.ChaosFaults.Fault;
import dev.surge.devstack.StockLedgerAudit.Findings;
import dev.surge.devstack.StockLedgerAudit.Kind;

/**
 * The verdict of a chaos run, read once everything drained: the audit of every order's
 * stock history ({@link StockLedgerAudit}), and the stores compared by
 * {@code stock-sync reconcile}, which is exact on a live system.
 *
 * @param serverErrors answers 500 (a bug: an outage is a 503)
 * @param accepted orders the clients got a 202 for
 * @param missing accepted orders not in MySQL
 * @param abandoned accepted orders recorded as abandoned
 * @param ledger what the audit of every order's stock history found
 * @param reservationsLeft reservations not claimed after the drain
 * @param inFlightLeft the API's in-flight copies of orders left after the drain
 * @param driftFound units Redis and MySQL disagreed by before any repair
 * @param stockSync exit codes of {@code reconcile} (report only), {@code reconcile --fix}
 * and {@code check}
 * @param recovery seconds to ready after each kill, by kind
 */
record ChaosVerdict(long serverErrors, long accepted, long missing, long abandoned, Findings ledger,
		long reservationsLeft, long inFlightLeft, long driftFound, List<Integer> stockSync,
		Map<Fault, List<Double>> recovery) {

	List<String> violations() {
		List<String> violations = new ArrayList<>();
		check(violations, this.serverErrors == 0, "server errors (500)");
		check(violations, this.ledger.count(Kind.OVERSOLD) == 0, "units oversold");
		check(violations, this.missing == 0 && this.abandoned == 0, "accepted orders missing");
		check(violations, duplicated() == 0, "orders duplicated");
		check(violations, broken() == 0, "stock histories broken");
		check(violations, this.reservationsLeft == 0, "reservations left after the drain");
		check(violations, this.inFlightLeft == 0, "in-flight copies left after the drain");
		check(violations, this.driftFound == 0 && this.stockSync.get(0) == 0, "Redis/MySQL drift");
		check(violations, this.stockSync.get(1) == 0 && this.stockSync.get(2) == 0,
				"stock-sync reconcile/check not clean");
		return violations;
	}

	private long duplicated() {
		return this.ledger.count(Kind.ORDER_TWICE_FOR_ONE_REQUEST) + this.ledger.count(Kind.MOVEMENT_TWICE);
	}

	private long broken() {
		return this.ledger.count(Kind.HISTORY_CONTRADICTS_STATE) + this.ledger.count(Kind.MOVEMENT_WITHOUT_LINE)
				+ this.ledger.count(Kind.LINE_WITHOUT_ORDER) + this.ledger.count(Kind.STOCK_DISAGREES_WITH_ORDERS);
	}

	private static void check(List<String> violations, boolean holds, String what) {
		if (!holds) {
			violations.add(what);
		}
	}

	void print(PrintStream out, long orders, long sent, Duration load, String total, Map<String, Long> answers) {
		String row = "%-50s %14s  %s%n";
		out.println();
		out.println("Chaos verdict");
		out.printf(row, "check", "value", "");
		out.printf(row, "orders asked (--orders)", orders, "");
		out.printf(row, "orders sent", sent, "in " + load.truncatedTo(ChronoUnit.SECONDS) + ", run " + total);
		answers.forEach((answer, count) -> out.printf(row, "  answered " + answer, count, ""));
		out.printf(row, "answered 500 (a bug; an outage is a 503)", this.serverErrors, verdict(this.serverErrors == 0));
		out.printf(row, "accepted (202)", this.accepted, "");
		this.ledger.states().forEach((state, count) -> out.printf(row, "  orders in MySQL " + state, count, ""));
		out.printf(row, "units oversold", this.ledger.oversoldUnits(), verdict(this.ledger.count(Kind.OVERSOLD) == 0));
		out.printf(row, "accepted orders missing (or abandoned)", this.missing + this.abandoned,
				verdict(this.missing == 0 && this.abandoned == 0));
		out.printf(row, "orders duplicated (per request, per movement)", duplicated(), verdict(duplicated() == 0));
		out.printf(row, "stock histories contradicting the orders", broken(), verdict(broken() == 0));
		out.printf(row, "reservations left after the drain", this.reservationsLeft,
				verdict(this.reservationsLeft == 0));
		out.printf(row, "in-flight copies left after the drain", this.inFlightLeft, verdict(this.inFlightLeft == 0));
		out.printf(row, "Redis/MySQL drift before any repair (units)", this.driftFound,
				verdict(this.driftFound == 0 && this.stockSync.get(0) == 0));
		out.printf(row, "stock-sync reconcile / reconcile --fix / check",
				this.stockSync.get(0) + " / " + this.stockSync.get(1) + " / " + this.stockSync.get(2),
				verdict(this.stockSync.stream().allMatch((exit) -> exit == 0)));
		this.ledger.examples().forEach((example) -> out.printf("  ! %s%n", example));
		out.println();
		out.printf("%-10s %6s %8s %8s %8s  (seconds from restart to ready)%n", "recovery", "kills", "min", "median",
				"max");
		this.recovery.forEach((fault, seconds) -> {
			List<Double> sorted = seconds.stream().sorted().toList();
			out.printf("%-10s %6d %8.1f %8.1f %8.1f%n", fault, sorted.size(), sorted.get(0),
					sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
		});
		out.println(violations().isEmpty() ? "PASS" : "FAIL: " + String.join(", ", violations()));
		out.flush();
	}

	private static String verdict(boolean holds) {
		return holds ? "ok" : "VIOLATION";
	}

}
