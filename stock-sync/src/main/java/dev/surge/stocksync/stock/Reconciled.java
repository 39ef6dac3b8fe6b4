package dev.surge.stocksync.stock;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One product's verdict: MySQL's row, the Redis gate and the stock Redis must hold.
 *
 * @param stock MySQL row
 * @param snapshot the Redis gate read
 * @param unclaimed units of reservations MySQL has not locked
 * @param pending stock_log rows not yet applied to Redis
 * @param target expected Redis stock, {@code null} when the gate never held still
 * @param drift Redis minus expected, {@code null} when not loaded or busy
 * @param repaired whether {@code --fix} wrote the target
 */
record Reconciled(ProductStock stock, GateSnapshot snapshot, long unclaimed, int pending, @Nullable Long target,
		@Nullable Long drift, boolean repaired) {

	boolean busy() {
		return this.target == null;
	}

	/** ok, FIXED, DRIFT, NOT_LOADED or BUSY. */
	String state() {
		if (busy()) {
			return "BUSY";
		}
		if (this.repaired) {
			return "FIXED";
		}
		if (this.snapshot.stock() == null) {
			return "NOT_LOADED";
		}
		return (this.drift != null && this.drift == 0) ? "ok" : "DRIFT";
	}

	/** Every broken invariant; a repaired drift is not one. */
	List<String> problems() {
		List<String> problems = new ArrayList<>();
		ProductStock m = this.stock;
		if (m.total() != m.available() + m.locked() + m.sold()) {
			problems.add("total != available + locked + sold");
		}
		if (m.total() < 0 || m.available() < 0 || m.locked() < 0 || m.sold() < 0) {
			problems.add("negative MySQL column");
		}
		switch (state()) {
			case "BUSY" -> problems.add("gate kept moving: not compared");
			case "NOT_LOADED" -> problems.add("Redis stock not loaded");
			case "DRIFT" -> problems.add("Redis stock drifts by " + ((this.drift > 0) ? "+" : "") + this.drift);
			default -> {
			}
		}
		Long redis = this.snapshot.stock();
		if (!this.repaired && redis != null && redis < 0) {
			problems.add("negative Redis stock");
		}
		return problems;
	}

	boolean clean() {
		return problems().isEmpty();
	}

}
