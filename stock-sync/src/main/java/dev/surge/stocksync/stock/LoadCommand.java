package dev.surge.stocksync.stock;

import java.io.PrintWriter;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.Callable;

import dev.surge.stocksync.ConnectionOptions;
import dev.surge.stocksync.Progress;
import dev.surge.stocksync.RedisSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code stock-sync load}: sets the Redis stock of every product from MySQL.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
		description = { "Load Redis stock from MySQL.",
				"Sets stock:{p<id>} = MySQL available - unclaimed reservations (load.lua, atomic in Redis).",
				"Run it while the consumer is idle (start-up, after a restore): a claim between the MySQL read",
				"and the script would be counted twice." })
public final class LoadCommand implements Callable<Integer> {

	@Mixin
	ConnectionOptions connection;

	@Option(names = "--product", paramLabel = "ID", description = "Only this product.")
	Long productId;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		PrintWriter out = this.spec.commandLine().getOut();
		List<ProductStock> products;
		try (Connection mysql = this.connection.openMysql()) {
			products = MysqlStock.read(mysql, this.productId);
		}
		if (products.isEmpty()) {
			throw new IllegalArgumentException(
					(this.productId != null) ? "No product " + this.productId : "No products in MySQL");
		}
		try (RedisSession redis = this.connection.openRedis()) {
			RedisStock stock = new RedisStock(redis.commands());
			try (Progress progress = Progress.start("load", products.size())) {
				for (ProductStock product : products) {
					long loaded = stock.load(product.id(), product.available());
					out.printf("product %d: mysql available %d, redis stock %d  %s%n", product.id(),
							product.available(), loaded, product.name());
					progress.step();
				}
			}
		}
		out.printf("loaded %d products%n", products.size());
		out.flush();
		return 0;
	}

}
