package dev.surge.loadtest.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

import dev.surge.contracts.OrderPlaced;
import dev.surge.devstack.DevServers;
import dev.surge.devstack.ServiceProcess;
import dev.surge.loadtest.client.Ledger;
import dev.surge.loadtest.client.SurgeClient;

/**
 * The one-command benchmark (see {@code loadtest/README.md}). Starts its own Redis,
 * MariaDB and Kafka (devstack, random ports on 127.0.0.1, data under
 * {@code loadtest/target/bench}), the consumer, the API and the bare endpoint; creates
 * users, tokens and products before any measured window; then measures, in one run:
 * <ol>
 * <li>the bare endpoint (reserve.lua via Lettuce) and the full {@code POST /api/orders},
 * same connections and duration, with wrk;</li>
 * <li>the time until the consumer's lag is 0 after that burst;</li>
 * <li>the consumer draining a pre-filled backlog, hot product and 1,000 products, and a
 * plain JDBC writer of the same rows;</li>
 * <li>RSS and heap of the API and the consumer;</li>
 * </ol>
 * and prints the oversell verdict and a table, which it appends to
 * {@code docs/performance.md}. Everything stops when it ends.
 */
public final class Bench {

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
			ServiceProcess consumer = services.startConsumer();
			Products.seed(db, redisUri, this.options.products);
			ServiceProcess api = services.startApi();
			try (JavaChild bare = services.startBare();
					Backlog backlog = new Backlog(servers.kafkaBootstrapServers());
					Ledger ledger = new Ledger(db.url(), db.user(), db.password(), redisUri)) {
				String apiUrl = "http://127.0.0.1:" + api.port();
				SurgeClient client = new SurgeClient(apiUrl);
				Progress.log("registering " + this.options.users + " customers and logging them in");
				List<SurgeClient.Customer> customers = client.customers("bench" + System.currentTimeMillis() % 100000,
						this.options.users);
				Path tokens = this.workspace.write("tokens.txt",
						customers.stream().map(SurgeClient.Customer::token).toList());
				HttpRuns http = new HttpRuns(this.options, this.workspace, results);
				http.bare(bare);
				http.full(api, apiUrl, tokens, consumer, backlog);
				results.apiOrders = Ledger.all(ledger.ordersOfUsers(customers.stream().map((c) -> c.id()).toList()));
				results.afterBurst = ledger.stock(List.of());
				results.apiAfter = Memory.sample(api.pid(), api.port());
				consumer = http.withoutConsumer(api, apiUrl, tokens, consumer, services, backlog);
				if (this.options.gatling != null) {
					results.gatlingExit = runGatling(apiUrl, servers);
				}
				if (!this.options.onlyHttp) {
					// the API's reservation sweeper would publish a ReservationExpired
					// for every backlog order while the consumer is down, doubling what
					// it drains
					api.stop();
					consumer = measureConsumer(results, consumer, services, db, backlog, redisUri);
				}
				results.consumerAfter = Memory.sample(consumer.pid(), consumer.port());
				results.verdict = ledger.stock(List.of());
			}
			finally {
				api.stop();
				consumer.stop();
			}
		}
		new Report(this.options, this.workspace.home()).publish(results);
		if (!results.verdict.ok()) {
			throw new IllegalStateException("Oversold: " + results.verdict);
		}
		if (results.gatlingExit != 0) {
			throw new IllegalStateException("The Gatling simulation failed: exit " + results.gatlingExit);
		}
	}

	private ServiceProcess measureConsumer(Results results, ServiceProcess consumer, Services services, Db db,
			Backlog backlog, String redisUri) {
		long hot = this.options.products + 1;
		ServiceProcess running = consumer;
		RedisClient redisClient = RedisClient.create(redisUri);
		long consumerUser = 900_000_000L;
		try (StatefulRedisConnection<String, String> redis = redisClient.connect()) {
			for (Shape shape : List.of(new Shape("hot product", hot, 1),
					new Shape(this.options.products + " products", 1, this.options.products))) {
				Progress.log("3. consumer, " + shape.name + ": stopping it and pre-filling " + this.options.backlog
						+ " orders");
				running.stop();
				List<OrderPlaced> orders = backlog.orders(this.options.backlog, shape.first, shape.products,
						consumerUser);
				Backlog.reserve(redis, orders);
				backlog.publish(orders);
				long start = System.nanoTime();
				AtomicReference<Double> rate = new AtomicReference<>(Double.NaN);
				Thread watcher = Thread.ofPlatform()
					.start(() -> rate.set(backlog.drainRate(this.options.backlog, Duration.ofMinutes(5))));
				running = services.startConsumer();
				join(watcher);
				double consumerRate = writeRate(db, consumerUser);
				Progress.log("   consumer drained at " + Math.round(consumerRate) + "/s by MySQL's clock ("
						+ Math.round(rate.get()) + "/s by the group's lag; "
						+ Math.round((System.nanoTime() - start) / 1e9) + " s with its start)");
				Progress.log("   plain JDBC writer, same rows, " + this.options.writers + " writers");
				List<OrderPlaced> same = backlog.orders(this.options.backlog, shape.first, shape.products,
						consumerUser + 1);
				double wallRate = new PlainWriter(db, this.options.writers, 500).write(same);
				double writerRate = writeRate(db, consumerUser + 1);
				Backlog.takeFromGate(redis, same);
				Progress.log("   plain writer at " + Math.round(writerRate) + "/s by MySQL's clock ("
						+ Math.round(wallRate) + "/s wall)");
				results.drains.add(new Results.Drain(shape.name, consumerRate, writerRate));
				consumerUser += 2;
			}
		}
		finally {
			redisClient.shutdown();
		}
		return running;
	}

	/**
	 * Orders per second of one user's orders by MySQL's clock: rows over the time between
	 * the first and the last {@code order_status_log} row. The same measure for the
	 * consumer and the plain writer; start-up and polling do not count.
	 */
	private static double writeRate(Db db, long userId) {
		String sql = "SELECT COUNT(*), TIMESTAMPDIFF(MICROSECOND, MIN(l.at), MAX(l.at)) "
				+ "FROM order_status_log l JOIN orders o ON o.id = l.order_id WHERE o.user_id = ?";
		try (Connection connection = db.connect(); PreparedStatement select = connection.prepareStatement(sql)) {
			select.setLong(1, userId);
			try (var rows = select.executeQuery()) {
				rows.next();
				return rows.getLong(1) / (Math.max(1, rows.getLong(2)) / 1e6);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Reading the write rate failed: " + ex.getMessage(), ex);
		}
	}

	private int runGatling(String apiUrl, DevServers servers) {
		Progress.log("Gatling " + this.options.gatling + " against " + apiUrl);
		List<String> command = List.of(this.workspace.home().resolve("mvnw").toString(), "-B", "-q", "-pl", "loadtest",
				"gatling:test", "-Dgatling.simulation=" + this.options.gatling, "-Dsurge.baseUrl=" + apiUrl,
				"-Dsurge.jdbcUrl=" + servers.jdbcUrl(),
				"-Dsurge.redisUri=redis://" + servers.redisHost() + ":" + servers.redisPort(),
				"-Dsurge.load=" + (this.options.smoke ? "smoke" : "full"));
		try {
			Process process = new ProcessBuilder(command).inheritIO().directory(this.workspace.home().toFile()).start();
			if (!process.waitFor(15, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				return -1;
			}
			return process.exitValue();
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot run Gatling: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	private static void join(Thread thread) {
		try {
			thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * How a backlog's orders spread over products.
	 *
	 * @param name for the table
	 * @param first first product id
	 * @param products how many
	 */
	private record Shape(String name, long first, int products) {

	}

}
