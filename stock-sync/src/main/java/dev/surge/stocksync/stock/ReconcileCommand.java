package dev.surge.stocksync.stock;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code stock-sync reconcile [--fix]}: {@code check}, and with {@code --fix} a repair of
 * each drifting product's Redis stock by a compare-and-set that cannot race live orders
 * ({@link GateReconciler}), logged as an ADJUST row.
 */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
		description = { "Compare Redis stock with MySQL and report (or --fix) the drift.",
				"expected = MySQL available - reservations MySQL has not locked - returns Redis has not applied.",
				"Safe under live traffic: the fix is a compare-and-set in Redis, retried when orders move the gate.",
				"Exit code 0 when clean (or every drift fixed), 1 on drift left or a broken MySQL invariant,",
				"2 when it could not run." })
public final class ReconcileCommand implements Callable<Integer> {

	@Mixin
	StockRun run;

	@Option(names = "--fix", description = "Repair the Redis stock of every drifting product and log an ADJUST row.")
	boolean fix;

	@Override
	public Integer call() throws Exception {
		return this.run.reconcileAll(this.fix);
	}

}
