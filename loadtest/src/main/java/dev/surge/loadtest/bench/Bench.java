package dev.surge.loadtest.bench;

import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;

import dev.surge.devstack.DevServers;
import dev.surge.devstack.ServiceProcess;
import dev.surge.loadtest.client.Ledger;
import dev.surge.loadtest.client.SurgeClient;

/**
 * The one-command benchmark (see {@code loadtest/README.md}). Starts its own Redis,
 * MariaDB and Kafka (devstack, random ports on 127.0.0.1, data under
 * {@code loadtest/target/bench}), the consumer, the API, the bare endpoint and the naive
 * handler; creates users, tokens and products before any measured window; then measures,
 * in one run:
 * <ol>
 * <li>the bare endpoint (reserve.lua via Lettuce), the naive handler (reserve.lua, then
 * an awaited Kafka send) and the full {@code POST /api/orders}, same connections and
 * duration, with wrk, each in three windows with every process's CPU;</li>
 * <li>the time until the consumer's lag is 0 after that burst;</li>
 * <li>the consumer draining a pre-filled backlog, hot product and 1,000 products, and a
 * plain JDBC writer of the same rows;</li>
 * <li>RSS and heap of the API and the consumer;</li>
 * </ol>
 * and prints the oversell verdict and a table, which it writes to
 * {@code loadtest/target/bench/report-<time>.md}, then one {@code BENCH-SUMMARY {json}}
 * line. Everything stops when it ends.
 */
public final class Bench {

	private static final DateTimeFormatter RUN_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

	private final Options options;

	private final Workspace workspace;

	private Bench(Options options) {
		this.options = options;
		this.workspace = Workspace.current();
	}

	public static void main(String[] args) {
		Options options = Options.parse(args);
		try {
			new Bench(options).run();
			System.exit(0);
		}
		catch (RuntimeException ex) {
			System.err.println("bench: " + ex.getMessage());
			ex.printStackTrace();
			System.exit(1);
		}
	}

	private void run() {
		Results results = new Results();
		Path data = this.workspace.emptied("data");
		Progress.log("starting Redis, MariaDB, Kafka");
		try (DevServers servers = DevServers.start(DevServers.Options.random(data))) {
			Db db = new Db(servers.jdbcUrl(), servers.dbUser(), servers.dbPassword());
			String redisUri = "redis://" + servers.redisHost() + ":" + servers.redisPort();
			Services services = new Services(this.options, this.workspace, servers);
			results.startSeconds = services.startSeconds();
			ServiceProcess consumer = services.startConsumer();
			Products.seed(db, redisUri, this.options.products);
			ServiceProcess api = services.startApi();
			try (JavaChild bare = services.startBare();
					JavaChild naive = services.startNaive();
					Backlog backlog = new Backlog(servers.kafkaBootstrapServers());
					Ledger ledger = new Ledger(db.url(), db.user(), db.password(), redisUri)) {
				String apiUrl = "http://127.0.0.1:" + api.port();
				SurgeClient client = new SurgeClient(apiUrl);
				Progress.log("registering " + this.options.users + " customers and logging them in");
				List<SurgeClient.Customer> customers = client.customers("bench" + System.currentTimeMillis() % 100000,
						this.options.users);
				Path tokens = this.workspace.write("tokens.txt",
						customers.stream().map(SurgeClient.Customer::token).toList());
				HttpRuns http = new HttpRuns(this.options, this.workspace, services, backlog, results);
				http.bare(bare, consumer);
				http.naive(naive, consumer);
				http.full(api, apiUrl, tokens, consumer);
				results.apiOrders = Ledger.all(ledger.ordersOfUsers(customers.stream().map((c) -> c.id()).toList()));
				results.afterBurst = ledger.stock(List.of());
				results.apiAfter = Memory.sample(api.pid(), api.port());
				consumer = http.withoutConsumer(api, apiUrl, tokens, consumer);
				http.variants(tokens, consumer);
				if (this.options.curve) {
					results.curve = new CostCurve(this.options, this.workspace, db, redisUri).measure(api, consumer,
							apiUrl, tokens);
				}
				if (this.options.gatling != null) {
					results.gatlingExit = new Gatling(this.options, this.workspace.home()).run(apiUrl,
							servers.jdbcUrl(), redisUri);
				}
				if (!this.options.onlyHttp) {
					// the API's reservation sweeper would publish a ReservationExpired
					// for every backlog order while the consumer is down, doubling what
					// it drains
					api.stop();
					consumer = new DrainRuns(this.options, services, db, backlog, results).measure(consumer, redisUri);
				}
				results.consumerAfter = Memory.sample(consumer.pid(), consumer.port());
				results.verdict = ledger.stock(List.of());
			}
			finally {
				api.stop();
				consumer.stop();
			}
		}
		Report report = new Report(this.options, this.workspace.home());
		if (!results.curve.isEmpty()) {
			Path chart = this.workspace.home().resolve("docs/cost-curve.svg");
			CurveChart.write(results.curve, "Surge " + report.commit() + ", " + RUN_STAMP.format(results.at)
					+ " UTC, one 2-core machine, every process on it", chart);
			Progress.log("cost curve drawn to " + chart);
		}
		report.publish(results, this.workspace.file("report-" + RUN_STAMP.format(results.at) + ".md"));
		if (!results.verdict.ok()) {
			throw new IllegalStateException("Oversold: " + results.verdict);
		}
		if (results.gatlingExit != 0) {
			throw new IllegalStateException("The Gatling simulation failed: exit " + results.gatlingExit);
		}
	}

}
