package dev.surge.stocksync.stock;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.surge.stocksync.ConnectionOptions;
import dev.surge.stocksync.RedisSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code stock-sync check}: reports every product against the stock invariants.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
		description = { "Check MySQL and Redis stock for drift.",
				"Prints MySQL and Redis stock per product and checks total = available + locked + sold,",
				"no negative column and redis stock = available − Σ reservations.",
				"Exit code 0 when clean, 1 on any drift or violation, 2 when it could not run.",
				"Under live traffic a product may show a transient drift: check again on a quiet system." })
public final class CheckCommand implements Callable<Integer> {

	@Mixin
	ConnectionOptions connection;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		List<ProductStock> products;
		try (Connection mysql = this.connection.openMysql()) {
			products = MysqlStock.read(mysql, null);
		}
		List<StockCheck.Observed> observed = new ArrayList<>();
		try (RedisSession redis = this.connection.openRedis()) {
			RedisStock stock = new RedisStock(redis.commands());
			for (ProductStock product : products) {
				observed.add(new StockCheck.Observed(product, stock.read(product.id())));
			}
		}
		StockCheck.Report report = StockCheck.of(observed);
		report.print(this.spec.commandLine().getOut());
		return report.clean() ? 0 : 1;
	}

}
