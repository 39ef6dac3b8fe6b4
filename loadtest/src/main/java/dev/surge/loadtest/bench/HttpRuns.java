package dev.surge.loadtest.bench;

import java.nio.file.Path;
import java.time.Duration;

import dev.surge.devstack.ServiceProcess;

/**
 * Steps 1, 2 and 2b: wrk against the bare endpoint and against {@code POST /api/orders},
 * same connections, duration and products, each measured after its warm-up with the CPU
 * it cost.
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
	void bare(JavaChild bare) {
		String bareUrl = "http://127.0.0.1:" + bare.port();
		Progress.log("1. bare endpoint: warm-up");
		this.warmUp.run(bareUrl, "/bare/orders", null, Products.BARE_FIRST_PRODUCT);
		Progress.log("1. bare endpoint: measuring " + this.options.duration.toSeconds() + " s");
		this.results.bare = Measured.of(bare.pid(), () -> this.wrk.run(bareUrl, "/bare/orders", null,
				Products.BARE_FIRST_PRODUCT, this.options.products, this.options.duration));
		this.results.bareRss = Memory.rssMb(bare.pid());
		Progress.log("   " + this.results.bare);
	}

	/**
	 * 2: the full path, the memory of the API and the consumer sampled meanwhile; then
	 * the time until the consumer's lag is 0.
	 */
	void full(ServiceProcess api, String apiUrl, Path tokens, ServiceProcess consumer) {
		Progress.log("2. POST /api/orders: warm-up");
		this.warmUp.run(apiUrl, "/api/orders", tokens, 1);
		this.backlog.secondsUntilDrained(Duration.ofSeconds(120));
		Progress.log("2. POST /api/orders: measuring " + this.options.duration.toSeconds() + " s");
		PeakMemory peaks = new PeakMemory(api, consumer);
		if (this.options.jfr) {
			Jfr.record(api.pid(), this.options.duration, this.workspace.file("order-api.jfr"));
		}
		try (peaks) {
			this.results.full = orders(api, apiUrl, tokens);
			this.results.lagZeroSeconds = this.backlog.secondsUntilDrained(Duration.ofSeconds(120));
		}
		this.results.apiPeak = peaks.of(api);
		this.results.consumerPeak = peaks.of(consumer);
		Progress.log("   " + this.results.full + "; consumer lag 0 after " + this.results.lagZeroSeconds + " s");
	}

	/**
	 * 2b: the same load with the consumer stopped, its work deferred: what the API path
	 * reaches when it need not share the cores with the consumer and MySQL. The consumer
	 * is then started again; the time until it has caught up is printed.
	 * @return the consumer started again
	 */
	ServiceProcess withoutConsumer(ServiceProcess api, String apiUrl, Path tokens, ServiceProcess consumer) {
		Progress.log("2b. POST /api/orders with the consumer stopped: measuring " + this.options.duration.toSeconds()
				+ " s");
		consumer.stop();
		this.results.deferred = orders(api, apiUrl, tokens);
		ServiceProcess started = this.services.startConsumer();
		this.results.catchUpSeconds = this.backlog.secondsUntilDrained(Duration.ofMinutes(3));
		Progress.log("   " + this.results.deferred + "; the consumer, started again, caught up after "
				+ this.results.catchUpSeconds + " s (its start included)");
		return started;
	}

	private Measured orders(ServiceProcess api, String apiUrl, Path tokens) {
		return Measured.of(api.pid(),
				() -> this.wrk.run(apiUrl, "/api/orders", tokens, 1, this.options.products, this.options.duration));
	}

}
