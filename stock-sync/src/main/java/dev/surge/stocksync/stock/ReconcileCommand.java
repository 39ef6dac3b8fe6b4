package dev.surge.stocksync.stock;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import dev.surge.stocksync.ConnectionOptions;
import dev.surge.contracts.RedisKeys;
import dev.surge.stocksync.RedisSession;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code stock-sync reconcile [--fix]}: compares each product's Redis stock with MySQL
 * {@code available − unclaimed reservations − returns not yet in Redis}, prints the drift
 * table and, with {@code --fix}, repairs Redis with a compare-and-set that cannot race
 * live orders, logging an ADJUST row per repaired product.
 * <p>
 * Per product: (1) reconcile-read.lua takes stock and reservations atomically; (2) MySQL
 * is read after it, in one repeatable-read transaction: the stock row, which of those
 * reservations it already locked, and its pending returns; (3) reconcile-set.lua sets the
 * stock only if stock and reservations are exactly as in (1), subtracting the returns
 * whose marker is still missing. Whatever MySQL commits after (2) moves units between
 * {@code available} and a reservation or a pending return in a way that keeps the target
 * unchanged, and whatever Redis does after (1) makes (3) refuse and the product be read
 * again.
 */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
		description = { "Compare Redis stock with MySQL and report (or --fix) the drift.",
				"expected = MySQL available - reservations MySQL has not locked - returns Redis has not applied.",
				"Safe under live traffic: the fix is a compare-and-set in Redis, retried when orders move the gate.",
				"Exit code 0 when clean (or every drift fixed), 1 on drift left or a broken MySQL invariant,",
				"2 when it could not run." })
public final class ReconcileCommand implements Callable<Integer> {

	private static final String FORMAT = "%6s %9s %8s %9s %8s %8s %9s %7s  %s%n";

	private static final int ATTEMPTS = 50;

	@Mixin
	ConnectionOptions connection;

	@Option(names = "--fix", description = "Repair the Redis stock of every drifting product and log an ADJUST row.")
	boolean fix;

	@Option(names = "--product", paramLabel = "ID", description = "Only this product.")
	Long productId;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		PrintWriter out = this.spec.commandLine().getOut();
		List<Row> rows = new ArrayList<>();
		try (Connection mysql = this.connection.openMysql(); RedisSession redis = this.connection.openRedis()) {
			RedisStock gate = new RedisStock(redis.commands());
			for (ProductStock product : MysqlStock.read(mysql, this.productId)) {
				rows.add(reconcile(mysql, gate, product.id()));
			}
			if (this.productId == null) {
				record(redis, rows);
			}
		}
		return print(out, rows);
	}

	/**
	 * The outcome of a full run, for the consumer's {@code surge.reconcile.*} gauges and
	 * their alert.
	 */
	private static void record(RedisSession redis, List<Row> rows) {
		long fixed = rows.stream().filter(Row::repaired).count();
		long drifting = rows.stream()
			.filter((row) -> !row.repaired() && row.drift() != null && row.drift() != 0)
			.count();
		redis.commands()
			.hset(RedisKeys.lastReconcile(),
					Map.of("products", Long.toString(rows.size()), "drifting", Long.toString(drifting), "fixed",
							Long.toString(fixed), "at", Long.toString(System.currentTimeMillis())));
	}

	private Row reconcile(Connection mysql, RedisStock gate, long id) throws SQLException, InterruptedException {
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			GateSnapshot snapshot = gate.snapshot(id);
			Read read = readMysql(mysql, id, snapshot);
			long unclaimed = Reconciliation.unclaimedUnits(snapshot.reservations(), read.prelocked());
			long base = read.stock().available() - unclaimed;
			Long target = gate.compareAndSet(id, snapshot, base, read.pending(), this.fix);
			if (target != null) {
				Long drift = (snapshot.stock() != null) ? snapshot.stock() - target : null;
				boolean repaired = this.fix && (drift == null || drift != 0);
				if (repaired) {
					MysqlStock.logAdjustment(mysql, id, "reconcile: redis " + snapshot.stock() + " -> " + target);
				}
				return new Row(read.stock(), snapshot, unclaimed, read.pending().size(), target, drift, repaired);
			}
			Thread.sleep(Math.min(200, 10L * attempt));
		}
		return new Row(MysqlStock.read(mysql, id).get(0), gate.snapshot(id), 0, 0, null, null, false);
	}

	private static Read readMysql(Connection mysql, long id, GateSnapshot snapshot) throws SQLException {
		mysql.setAutoCommit(false);
		mysql.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
		try {
			ProductStock stock = MysqlStock.read(mysql, id).get(0);
			Set<Long> prelocked = MysqlStock.prelocked(mysql, id,
					snapshot.reservations().keySet().stream().map(Long::valueOf).toList());
			List<PendingReturn> pending = MysqlStock.pendingReturns(mysql, id);
			mysql.commit();
			return new Read(stock, prelocked, pending);
		}
		finally {
			mysql.setAutoCommit(true);
		}
	}

	private int print(PrintWriter out, List<Row> rows) {
		out.printf(FORMAT, "id", "available", "Σresv", "unclaimed", "pending", "redis", "expected", "drift", "state");
		int left = 0;
		for (Row row : rows) {
			List<String> problems = row.problems();
			String state = row.busy() ? "BUSY: gate kept moving, not reconciled"
					: row.repaired() ? "FIXED" : (row.drift() != null && row.drift() == 0) ? "ok" : "DRIFT";
			if (!problems.isEmpty() || state.startsWith("BUSY") || state.equals("DRIFT")) {
				left++;
			}
			out.printf(FORMAT, row.stock().id(), row.stock().available(), row.snapshot().reservedUnits(),
					row.unclaimed(), row.pending(), dash(row.snapshot().stock()), dash(row.target()), dash(row.drift()),
					state);
			problems.forEach((problem) -> out.printf("%6s   ! %s%n", "", problem));
		}
		out.println((left == 0) ? "clean" : "DRIFT: " + left + " products");
		out.flush();
		return (left == 0) ? 0 : 1;
	}

	private static String dash(@Nullable Long value) {
		return (value != null) ? value.toString() : "-";
	}

	private record Read(ProductStock stock, Set<Long> prelocked, List<PendingReturn> pending) {
	}

	/**
	 * One product's verdict.
	 *
	 * @param stock MySQL row
	 * @param snapshot the Redis gate read
	 * @param unclaimed units of reservations MySQL has not locked
	 * @param pending stock_log rows not yet applied to Redis
	 * @param target expected Redis stock, {@code null} when the gate never held still
	 * @param drift Redis minus expected, {@code null} when not loaded or busy
	 * @param repaired whether {@code --fix} wrote the target
	 */
	record Row(ProductStock stock, GateSnapshot snapshot, long unclaimed, int pending, @Nullable Long target,
			@Nullable Long drift, boolean repaired) {

		boolean busy() {
			return this.target == null;
		}

		List<String> problems() {
			List<String> problems = new ArrayList<>();
			ProductStock m = this.stock;
			if (m.total() != m.available() + m.locked() + m.sold()) {
				problems.add("total != available + locked + sold");
			}
			if (m.total() < 0 || m.available() < 0 || m.locked() < 0 || m.sold() < 0) {
				problems.add("negative MySQL column");
			}
			return problems;
		}

	}

}
