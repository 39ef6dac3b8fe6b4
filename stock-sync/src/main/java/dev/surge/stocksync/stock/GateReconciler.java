package dev.surge.stocksync.stock;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * Compares one product's Redis gate with MySQL at one consistent point, and with
 * {@code fix} repairs it, safely under live traffic. Both {@code check} and
 * {@code reconcile} ask it, so a live shop gets no false alarm and no false repair.
 * <p>
 * Per product: (1) reconcile-read.lua takes stock and reservations atomically; (2) MySQL
 * is read after it, in one repeatable-read transaction: the stock row, which of those
 * reservations it already locked, and its pending returns; (3) reconcile-set.lua computes
 * the target (and writes it with {@code fix}) only if stock and reservations are exactly
 * as in (1), subtracting the returns whose marker is still missing. Whatever MySQL
 * commits after (2) moves units between {@code available} and a reservation or a pending
 * return in a way that keeps the target unchanged, and whatever Redis does after (1)
 * makes (3) refuse and the product be read again.
 */
final class GateReconciler {

	private static final int ATTEMPTS = 50;

	private final Connection mysql;

	private final RedisStock gate;

	GateReconciler(Connection mysql, RedisStock gate) {
		this.mysql = mysql;
		this.gate = gate;
	}

	/**
	 * One product's verdict; with {@code fix} a drift is repaired and logged as ADJUST.
	 */
	Reconciled reconcile(long productId, boolean fix) throws SQLException, InterruptedException {
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			GateSnapshot snapshot = this.gate.snapshot(productId);
			Read read = readMysql(productId, snapshot);
			long unclaimed = Reconciliation.unclaimedUnits(snapshot.reservations(), read.prelocked());
			long base = read.stock().available() - unclaimed;
			Long target = this.gate.compareAndSet(productId, snapshot, base, read.pending(), fix);
			if (target != null) {
				Long drift = (snapshot.stock() != null) ? snapshot.stock() - target : null;
				boolean repaired = fix && (drift == null || drift != 0);
				if (repaired) {
					MysqlStock.logAdjustment(this.mysql, productId,
							"reconcile: redis " + snapshot.stock() + " -> " + target);
				}
				return new Reconciled(read.stock(), snapshot, unclaimed, read.pending().size(), target, drift,
						repaired);
			}
			Thread.sleep(Math.min(200, 10L * attempt));
		}
		return new Reconciled(MysqlStock.read(this.mysql, productId).get(0), this.gate.snapshot(productId), 0, 0, null,
				null, false);
	}

	private Read readMysql(long id, GateSnapshot snapshot) throws SQLException {
		this.mysql.setAutoCommit(false);
		this.mysql.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
		try {
			ProductStock stock = MysqlStock.read(this.mysql, id).get(0);
			Set<Long> prelocked = MysqlStock.prelocked(this.mysql, id,
					snapshot.reservations().keySet().stream().map(Long::valueOf).toList());
			List<PendingReturn> pending = MysqlStock.pendingReturns(this.mysql, id);
			this.mysql.commit();
			return new Read(stock, prelocked, pending);
		}
		finally {
			this.mysql.setAutoCommit(true);
		}
	}

	private record Read(ProductStock stock, Set<Long> prelocked, List<PendingReturn> pending) {
	}

}
