package dev.surge.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.lettuce.core.api.sync.RedisCommands;

/**
 * The end of a chaos run: waits until every accepted order is in MySQL and no reservation
 * is left (or the drain timeout passed), then gathers what the verdict judges: missing
 * and abandoned orders, the stock ledger, in-flight copies, the drift
 * {@code stock-sync reconcile} reports, and the exit codes of {@code reconcile --fix} and
 * {@code check}.
 *
 * @param servers the run's servers
 * @param redis a connection to their Redis
 * @param stockSyncJar the stock-sync jar
 * @param env the services' environment, which stock-sync reads too
 * @param logs where stock-sync's output is appended
 * @param timeout how long the drain may take
 * @param log the run's log
 */
record ChaosDrain(Stack servers, RedisCommands<String, String> redis, Path stockSyncJar, Map<String, String> env,
		Path logs, Duration timeout, Log log) {

	private static final Pattern DRIFT_UNITS = Pattern.compile("\"driftUnits\"\\s*:\\s*(\\d+)");

	ChaosVerdict judge(long serverErrors, List<Long> productIds, List<Long> accepted, ChaosFaults faults)
			throws SQLException, InterruptedException {
		long deadline = System.nanoTime() + this.timeout.toNanos();
		long missing;
		long held;
		while (true) {
			missing = missing(accepted);
			held = reservations(productIds);
			if ((missing == 0 && held == 0) || System.nanoTime() > deadline) {
				break;
			}
			this.log.log("draining: %d accepted orders not in MySQL yet, %d reservations unclaimed", missing, held);
			Thread.sleep(5000);
		}
		this.log.log("drained: %d accepted orders missing, %d reservations left", missing, held);
		long inFlight = awaitInFlightCopiesGone();
		StockSyncRun report = stockSync("reconcile", "--json");
		long drift = driftUnits(report.output());
		int fix = stockSync("reconcile", "--fix").exit();
		int check = stockSync("check").exit();
		StockLedgerAudit.Findings ledger;
		try (Connection db = mysql()) {
			ledger = StockLedgerAudit.read(db, productIds);
		}
		return new ChaosVerdict(serverErrors, accepted.size(), missing, countAbandoned(accepted), ledger, held,
				inFlight, drift, List.of(report.exit(), fix, check), faults.recovery());
	}

	/**
	 * The API's in-flight copies of orders the consumer settled; the consumer deletes
	 * them right after its batch, so a few seconds after the drain none may be left.
	 */
	private long awaitInFlightCopiesGone() throws InterruptedException {
		long left = 0;
		for (int attempt = 0; attempt < 6; attempt++) {
			left = this.redis.keys("inflight:*").size();
			if (left == 0) {
				return 0;
			}
			Thread.sleep(5000);
		}
		this.log.log("in-flight copies left: %s", this.redis.keys("inflight:*").stream().limit(10).toList());
		return left;
	}

	private static long driftUnits(String json) {
		Matcher units = DRIFT_UNITS.matcher(json);
		return units.find() ? Long.parseLong(units.group(1)) : -1;
	}

	private long missing(List<Long> ids) {
		try (Connection db = mysql()) {
			return ids.size() - IdCounts.count(db, "SELECT COUNT(*) FROM orders WHERE id IN (%s)", ids, 1000);
		}
		catch (SQLException ex) {
			this.log.log("MySQL not answering yet: %s", ex.getMessage());
			return ids.size();
		}
	}

	private long countAbandoned(List<Long> ids) throws SQLException {
		try (Connection db = mysql()) {
			return IdCounts.count(db, "SELECT COUNT(*) FROM abandoned_orders WHERE order_id IN (%s)", ids, 1000);
		}
	}

	private long reservations(List<Long> productIds) {
		try {
			long held = 0;
			for (long id : productIds) {
				held += this.redis.hlen("resv:{p" + id + "}");
			}
			return held;
		}
		catch (RuntimeException ex) {
			return -1;
		}
	}

	private StockSyncRun stockSync(String... args) {
		Path output = this.logs.resolve("stock-sync.log");
		try {
			Files.writeString(output, "$ stock-sync " + String.join(" ", args) + System.lineSeparator(),
					StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<String> command = new ArrayList<>(
				Launcher.java(List.of("-Xmx256m"), "-jar", this.stockSyncJar.toString()));
		command.addAll(List.of(args));
		Launcher.Finished run = Launcher.run(command, this.env, Duration.ofMinutes(5), output);
		this.log.log("stock-sync %s: exit %d (output in %s)", String.join(" ", args), run.exitCode(), output);
		return new StockSyncRun(run.exitCode(), run.output());
	}

	private record StockSyncRun(int exit, String output) {
	}

	private Connection mysql() throws SQLException {
		return DriverManager.getConnection(this.servers.jdbcUrl(), this.servers.dbUser(), this.servers.dbPassword());
	}

	/** The run's log. */
	@FunctionalInterface
	interface Log {

		void log(String format, Object... args);

	}

}
