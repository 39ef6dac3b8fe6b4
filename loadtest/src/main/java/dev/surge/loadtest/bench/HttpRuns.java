package dev.surge.loadtest.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import dev.surge.devstack.ServiceProcess;

/**
 * Steps 1, 1b, 2 and 2b: wrk against the bare endpoint, the naive handler and
 * {@code POST /api/orders}, same connections, duration and products, each measured after
 * its warm-up in {@code --windows} windows with the CPU every process on the box spent.
 */
final class HttpRuns {

	private final Options options;

	private final Workspace workspace;

	private final Services services;

	private final Backlog backlog;

	private final Results results;

	private final Wrk wrk;

	private final WarmUp warmUp;

	HttpRuns(Options options, Workspace workspace, Services services, Backlog backlog, Results results) {
		this.options = options;
		this.workspace = workspace;
		this.services = services;
		this.backlog = backlog;
		this.results = results;
		this.wrk = new Wrk(workspace.home().resolve("loadtest/wrk/orders.lua"), 2, options.connections);
		this.warmUp = new WarmUp(this.wrk, options);
	}

	/** 1: the bare endpoint, on products that exist only in Redis. */
	void bare(JavaChild bare, ServiceProcess consumer) {
		this.results.bare = endpoint("1. bare endpoint", bare, "/bare/orders", consumer);
		this.results.bareRss = Memory.rssMb(bare.pid());
	}

	/**
	 * 1b: the naive handler (reserve, then an awaited Kafka send), on the same products.
	 */
	void naive(JavaChild naive, ServiceProcess consumer) {
		this.results.naive = endpoint("1b. naive handler", naive, "/naive/orders", consumer);
	}

	private Measured endpoint(String name, JavaChild endpoint, String path, ServiceProcess consumer) {
		String url = "http://127.0.0.1:" + endpoint.port();
		Progress.log(name + ": warm-up");
		this.warmUp.run(endpoint.pid(), url, path, null, Products.BARE_FIRST_PRODUCT);
		return measure(name, Map.of(Measured.SERVER, endpoint.pid(), "consumer", consumer.pid()), () -> this.wrk
			.run(url, path, null, Products.BARE_FIRST_PRODUCT, this.options.products, this.options.duration));
	}

	private Measured measure(String name, Map<String, Long> services, Supplier<Wrk.Result> load) {
		Progress.log(name + ": measuring " + this.options.windows + " windows of " + this.options.duration.toSeconds()
				+ " s");
		Measured measured = Measured.of(this.options.windows, services, load);
		Progress.log("   " + measured);
		return measured;
	}

	/**
	 * 2: the full path, the memory of the API and the consumer sampled meanwhile; then
	 * the time until the consumer's lag is 0.
	 */
	void full(ServiceProcess api, String apiUrl, Path tokens, ServiceProcess consumer) {
		Progress.log("2. POST /api/orders: warm-up");
		this.warmUp.run(api.pid(), apiUrl, "/api/orders", tokens, 1);
		this.backlog.secondsUntilDrained(Duration.ofSeconds(120));
		PeakMemory peaks = new PeakMemory(api, consumer);
		if (this.options.jfr) {
			Jcmd.record(api.pid(), this.options.duration, this.workspace.file("order-api.jfr"));
		}
		try (peaks) {
			this.results.full = orders("2. POST /api/orders",
					Map.of(Measured.SERVER, api.pid(), "consumer", consumer.pid()), apiUrl, tokens);
			this.results.lagZeroSeconds = this.backlog.secondsUntilDrained(Duration.ofSeconds(120));
		}
		this.results.apiPeak = peaks.of(api);
		this.results.consumerPeak = peaks.of(consumer);
		Progress.log("   consumer lag 0 after " + this.results.lagZeroSeconds + " s");
	}

	/**
	 * 2b: the same load with the consumer stopped, its work deferred: what the API path
	 * reaches when it need not share the cores with the consumer and MySQL. The consumer
	 * is then started again; the time until it has caught up is printed.
	 * @return the consumer started again
	 */
	ServiceProcess withoutConsumer(ServiceProcess api, String apiUrl, Path tokens, ServiceProcess consumer) {
		consumer.stop();
		this.results.deferred = orders("2b. POST /api/orders with the consumer stopped",
				Map.of(Measured.SERVER, api.pid()), apiUrl, tokens);
		ServiceProcess started = this.services.startConsumer();
		this.results.catchUpSeconds = this.backlog.secondsUntilDrained(Duration.ofMinutes(3));
		Progress.log("   the consumer, started again, caught up after " + this.results.catchUpSeconds
				+ " s (its start included)");
		return started;
	}

	/**
	 * Each {@code --variant}: 2 with an API started with other variables (the first API
	 * idle meanwhile), warmed up as the first one was: an A/B of a setting in the same
	 * run. The consumer runs, as in 2, so that no reservation waits for the sweeper. Its
	 * {@code WRK_*} variables go to the load's script too.
	 */
	void variants(Path tokens, ServiceProcess consumer) {
		this.options.variants.forEach((name, env) -> {
			try (ServiceProcess api = this.services.startApi("order-api-" + name, env)) {
				String url = "http://127.0.0.1:" + api.port();
				Wrk wrk = this.wrk.with(env);
				Progress.log("2 · " + name + ": warm-up");
				new WarmUp(wrk, this.options).run(api.pid(), url, "/api/orders", tokens, 1);
				this.backlog.secondsUntilDrained(Duration.ofSeconds(120));
				this.results.variants.put(name, measure("2 · " + name,
						Map.of(Measured.SERVER, api.pid(), "consumer", consumer.pid()),
						() -> wrk.run(url, "/api/orders", tokens, 1, this.options.products, this.options.duration)));
			}
		});
	}

	private Measured orders(String name, Map<String, Long> services, String apiUrl, Path tokens) {
		return measure(name, services,
				() -> this.wrk.run(apiUrl, "/api/orders", tokens, 1, this.options.products, this.options.duration));
	}

}
