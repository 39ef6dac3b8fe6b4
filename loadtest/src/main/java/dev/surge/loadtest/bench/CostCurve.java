package dev.surge.loadtest.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.surge.devstack.ServiceProcess;

/**
 * {@code --curve}: how the full path's cost grows with its work, one dimension at a time
 * from the base point (1 item per order, 1,000 products, 64 connections): items per order
 * 1, 5, 20; products 1 (one hot product), 1,000, 100,000; connections 16, 64, 256. Each
 * point is a warm-up round at that point and one measured window, with the consumer
 * running; the catalogue grows to 100,000 products only for its last point.
 *
 * @param options the benchmark's options
 * @param workspace the repository, for the wrk script
 * @param db MySQL, where the catalogue grows for the last point
 * @param redisUri the Redis the catalogue's stock is loaded into
 */
record CostCurve(Options options, Workspace workspace, Db db, String redisUri) {

	static final int BASE_ITEMS = 1;

	static final int BASE_CONNECTIONS = 64;

	static final int LARGE_CATALOGUE = 100_000;

	/**
	 * Every point, by dimension.
	 * @return for each dimension its points in the order of their values
	 */
	Map<String, List<Point>> measure(ServiceProcess api, ServiceProcess consumer, String apiUrl, Path tokens) {
		Map<String, Long> services = Map.of(Measured.SERVER, api.pid(), "consumer", consumer.pid());
		Point base = point("base", this.options.products, BASE_ITEMS, BASE_CONNECTIONS, services, apiUrl, tokens);
		Map<String, List<Point>> curve = new LinkedHashMap<>();
		List<Point> items = new ArrayList<>(List.of(base));
		for (int count : List.of(5, 20)) {
			items.add(point("items", this.options.products, count, BASE_CONNECTIONS, services, apiUrl, tokens));
		}
		curve.put("items per order", items);
		List<Point> connections = new ArrayList<>();
		connections.add(point("connections", this.options.products, BASE_ITEMS, 16, services, apiUrl, tokens));
		connections.add(base);
		connections.add(point("connections", this.options.products, BASE_ITEMS, 256, services, apiUrl, tokens));
		curve.put("connections", connections);
		List<Point> products = new ArrayList<>();
		products.add(point("products", 1, BASE_ITEMS, BASE_CONNECTIONS, services, apiUrl, tokens));
		products.add(base);
		Progress.log("cost curve: adding products up to " + LARGE_CATALOGUE);
		Products.add(this.db, this.redisUri, this.options.products + 2L, LARGE_CATALOGUE);
		products.add(point("products", LARGE_CATALOGUE, BASE_ITEMS, BASE_CONNECTIONS, services, apiUrl, tokens));
		curve.put("products", products);
		return curve;
	}

	private Point point(String name, int products, int items, int connections, Map<String, Long> services,
			String apiUrl, Path tokens) {
		String label = String.format("%s: %d items, %d products, %d connections", name, items, products, connections);
		Wrk wrk = new Wrk(this.workspace.home().resolve("loadtest/wrk/orders.lua"), 2, connections);
		Progress.log("cost curve, " + label + ": a warm-up round, then " + this.options.duration.toSeconds() + " s");
		wrk.run(apiUrl, "/api/orders", tokens, 1, products, items, this.options.warmup);
		Measured measured = Measured.of(1, services,
				() -> wrk.run(apiUrl, "/api/orders", tokens, 1, products, items, this.options.duration));
		Progress.log("   " + measured);
		return new Point(items, products, connections, measured);
	}

	/**
	 * One point of the curve.
	 *
	 * @param items products per order
	 * @param products products the orders are spread over
	 * @param connections open connections
	 * @param measured what was measured there
	 */
	record Point(int items, int products, int connections, Measured measured) {

		/** Machine CPU ms per order. */
		double machineCpu() {
			return this.measured.machineCpu().median();
		}

		double p99() {
			return this.measured.p99().median();
		}

		/**
		 * The value of this point in a dimension.
		 * @param dimension one of the curve's dimensions
		 * @return its value there
		 */
		int valueIn(String dimension) {
			return switch (dimension) {
				case "items per order" -> this.items;
				case "connections" -> this.connections;
				default -> this.products;
			};
		}

	}

}
