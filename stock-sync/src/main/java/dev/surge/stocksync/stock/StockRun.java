package dev.surge.stocksync.stock;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.surge.contracts.RedisKeys;
import dev.surge.stocksync.ConnectionOptions;
import dev.surge.stocksync.Progress;
import dev.surge.stocksync.RedisSession;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What {@code check} and {@code reconcile} share: the stores, the products, the output.
 */
final class StockRun {

	@Mixin
	ConnectionOptions connection;

	@Option(names = "--product", paramLabel = "ID", description = "Only this product.")
	Long productId;

	@Option(names = "--json", description = "Print the verdict as one JSON document.")
	boolean json;

	@Spec(Spec.Target.MIXEE)
	CommandSpec spec;

	int reconcileAll(boolean fix) throws Exception {
		List<Reconciled> rows = new ArrayList<>();
		try (Connection mysql = this.connection.openMysql(); RedisSession redis = this.connection.openRedis()) {
			GateReconciler reconciler = new GateReconciler(mysql, new RedisStock(redis.commands()));
			List<ProductStock> products = MysqlStock.read(mysql, this.productId);
			try (Progress progress = Progress.start(fix ? "reconcile" : "check", products.size())) {
				for (ProductStock product : products) {
					rows.add(reconciler.reconcile(product.id(), fix));
					progress.step();
				}
			}
			if (this.productId == null) {
				record(redis, new StockReport(rows));
			}
		}
		StockReport report = new StockReport(rows);
		report.print(this.spec.commandLine().getOut(), this.json);
		return report.exitCode();
	}

	/**
	 * The verdict of a run over every product, for the consumer's
	 * {@code surge.reconcile.*} gauges and their alert.
	 */
	private static void record(RedisSession redis, StockReport report) {
		long fixed = report.rows().stream().filter(Reconciled::repaired).count();
		redis.commands()
			.hset(RedisKeys.lastReconcile(),
					Map.of("products", Long.toString(report.rows().size()), "drifting", Long.toString(report.dirty()),
							"fixed", Long.toString(fixed), "at", Long.toString(System.currentTimeMillis())));
	}

}
