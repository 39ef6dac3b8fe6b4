package dev.surge.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code devstack chaos}: the whole system on fresh servers (random ports, its own data
 * dir), N orders from many concurrent clients, and meanwhile Kafka, Redis, MySQL, an API
 * instance and a consumer killed and restarted at random moments; then the drain, and a
 * verdict table. Exit code 1 on any violation, 2 when the run itself failed.
 */
@Command(name = "chaos", mixinStandardHelpOptions = true,
		description = { "Runs N orders against the whole system while killing and restarting Kafka, Redis, MySQL,",
				"an API instance and a consumer at random moments; waits for the drain and prints a verdict.",
				"Exit code 0 when every check holds, 1 on a violation, 2 when the run could not complete." })
final class Chaos implements Callable<Integer> {

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"?(\\d+)");

	private static final List<String> APP_JVM = List.of("-Xmx384m", "-XX:+ExitOnOutOfMemoryError");

	@CommandLine.ParentCommand
	Devstack parent;

	@Option(names = "--orders", defaultValue = "200000",
			description = "Orders to send (at least; the run goes on until every planned kill happened). Default ${DEFAULT-VALUE}.")
	int orders;

	@Option(names = "--clients", defaultValue = "64", description = "Concurrent clients (default ${DEFAULT-VALUE}).")
	int clients;

	@Option(names = "--products", defaultValue = "20", description = "Products (default ${DEFAULT-VALUE}).")
	int products;

	@Option(names = "--rate", defaultValue = "0",
			description = "At most this many orders per second in total; 0 = as fast as the system answers.")
	int rate;

	@Option(names = "--kills", defaultValue = "0",
			description = "Rounds of kills, each round one of every kind in random order; 0 = one per 50,000 orders, at least 1.")
	int rounds;

	@Option(names = "--apis", defaultValue = "2", description = "API instances (default ${DEFAULT-VALUE}).")
	int apis;

	@Option(names = "--consumers", defaultValue = "2", description = "Consumer instances (default ${DEFAULT-VALUE}).")
	int consumers;

	@Option(names = "--pay", defaultValue = "30",
			description = "Percent of accepted orders paid at once (one in ten of them fails or times out); default ${DEFAULT-VALUE}.")
	int payPercent;

	@Option(names = "--cancel", defaultValue = "5",
			description = "Percent of accepted orders then cancelled by their customer, paid or not; default ${DEFAULT-VALUE}.")
	int cancelPercent;

	@Option(names = "--payment-timeout", defaultValue = "PT2M",
			description = "How long an order waits for payment before it expires (default ${DEFAULT-VALUE}, so every round meets expiries).")
	Duration paymentTimeout;

	@Option(names = "--seed", description = "Seed of the random choices (default: random, printed).")
	Long seed;

	@Option(names = "--drain-timeout", defaultValue = "PT10M",
			description = "How long to wait for the drain (default ${DEFAULT-VALUE}).")
	Duration drainTimeout;

	@Option(names = "--data-dir", defaultValue = ".data-chaos",
			description = "Data, logs and the kill log, relative to --home; wiped at start (default ${DEFAULT-VALUE}).")
	Path dataDir;

	private final AtomicBoolean faultsDone = new AtomicBoolean();

	private final AtomicBoolean faultsFailed = new AtomicBoolean();

	private final List<ServiceProcess> apiProcesses = Collections.synchronizedList(new ArrayList<>());

	private final List<ServiceProcess> consumerProcesses = Collections.synchronizedList(new ArrayList<>());

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(3))
		.version(HttpClient.Version.HTTP_1_1)
		.executor(Executors.newVirtualThreadPerTaskExecutor())
		.build();

	private PrintStream killLog = System.out;

	private long began;

	private Path home = Path.of(".");

	private Path logs = Path.of(".");

	private Map<String, String> env = Map.of();

	private DevServers servers;

	private StatefulRedisConnection<String, String> redis;

	private RedisClient redisClient;

	private String jwtSecret = "";

	@Override
	public Integer call() throws Exception {
		this.home = this.parent.home.toAbsolutePath().normalize();
		Path data = this.home.resolve(this.dataDir);
		Cleanup.wipe(data);
		Files.createDirectories(data);
		this.logs = data.resolve("logs");
		this.killLog = new PrintStream(Files.newOutputStream(data.resolve("chaos.log")), true, StandardCharsets.UTF_8);
		long seedValue = (this.seed != null) ? this.seed : new Random().nextLong();
		Random random = new Random(seedValue);
		this.began = System.nanoTime();
		log("chaos: %d orders, %d clients, %d products, %d APIs, %d consumers, seed %d", this.orders, this.clients,
				this.products, this.apis, this.consumers, seedValue);
		try {
			startSystem(data);
			List<Long> users = insertUsers(this.clients, "CUSTOMER");
			String admin = token(insertUsers(1, "ADMIN").get(0), "ADMIN");
			long stock = Math.max(1, (long) (this.orders * 0.8) / this.products);
			List<Long> productIds = createProducts(admin, stock);
			log("created %d products with %d units each", productIds.size(), stock);
			List<String> tokens = users.stream().map((id) -> token(id, "CUSTOMER")).toList();
			ChaosLoad load = new ChaosLoad(
					new ChaosLoad.Settings(this.orders, this.rate, this.payPercent, this.cancelPercent), this.http,
					() -> List.copyOf(this.apiProcesses).stream().map(ServiceProcess::port).toList(),
					this.faultsDone::get, this::log);
			ChaosFaults faults = new ChaosFaults(this.servers, new Restarts(), this::log);
			int planned = (this.rounds > 0) ? this.rounds : Math.max(1, this.orders / 50_000);
			Instant loadStart = Instant.now();
			Thread faulting = Thread.ofPlatform()
				.name("chaos-faults")
				.start(() -> injectFaults(faults, random, planned, load));
			load.run(tokens, productIds);
			faulting.join();
			Duration loadTime = Duration.between(loadStart, Instant.now());
			log("load done: %d orders sent in %s", load.sent(), loadTime.truncatedTo(ChronoUnit.SECONDS));
			long serverErrors = load.answers()
				.entrySet()
				.stream()
				.filter((answer) -> answer.getKey().endsWith(" 500"))
				.mapToLong(Map.Entry::getValue)
				.sum();
			ChaosDrain drain = new ChaosDrain(this.servers, this.redis.sync(), jar("stock-sync"), this.env, this.logs,
					this.drainTimeout, this::log);
			ChaosVerdict verdict = drain.judge(serverErrors, productIds, List.copyOf(load.accepted()), faults);
			verdict.print(System.out, this.orders, load.sent(), loadTime, elapsed(), load.answers());
			log("verdict: %s", verdict.violations().isEmpty() ? "PASS" : "FAIL " + verdict.violations());
			if (this.faultsFailed.get()) {
				log("the run is void: a planned fault could not be injected or recovered from (see above)");
				return 2;
			}
			return verdict.violations().isEmpty() ? 0 : 1;
		}
		catch (RuntimeException ex) {
			log("chaos run failed: %s", ex.toString());
			ex.printStackTrace();
			return 2;
		}
		finally {
			try {
				stopAll();
			}
			catch (RuntimeException | LinkageError ex) {
				// the verdict stands; the shutdown hook stops whatever is left
				log("stopping the system failed: %s", ex);
			}
		}
	}

	private void startSystem(Path data) {
		this.servers = DevServers.start(DevServers.Options.random(data));
		this.redisClient = RedisClient.create(RedisURI.create(this.servers.redisHost(), this.servers.redisPort()));
		this.redis = this.redisClient.connect();
		Map<String, String> base = new HashMap<>(this.servers.springEnvironment());
		byte[] secret = new byte[48];
		new java.security.SecureRandom().nextBytes(secret);
		this.jwtSecret = Base64.getEncoder().encodeToString(secret);
		base.put("SURGE_SECURITY_JWT_SECRET", this.jwtSecret);
		// devstack's Redis has no password and takes any for the default user; order-api
		// requires one outside the demo run
		base.put("SPRING_DATA_REDIS_USERNAME", "default");
		base.put("SPRING_DATA_REDIS_PASSWORD", "chaos");
		// every client comes from 127.0.0.1: the per-IP limit would throttle the run, the
		// per-user limits stay
		base.put("SURGE_RATELIMIT_ROUTES_API_IP_CAPACITY", "100000000");
		base.put("SURGE_ORDERS_PAYMENT_TIMEOUT", this.paymentTimeout.toString());
		base.put("SPRING_APPLICATION_JSON", "{\"spring.kafka.consumer.properties.session.timeout.ms\":\"10000\","
				+ "\"spring.kafka.consumer.properties.heartbeat.interval.ms\":\"2000\"}");
		this.env = base;
		for (int i = 0; i < this.consumers; i++) {
			this.consumerProcesses.add(startApp("order-consumer", Ports.free()));
		}
		for (int i = 0; i < this.apis; i++) {
			this.apiProcesses.add(startApp("order-api", Ports.free()));
		}
		log("system up: %d consumers, APIs on ports %s", this.consumers,
				this.apiProcesses.stream().map(ServiceProcess::port).toList());
	}

	private ServiceProcess startApp(String module, int port) {
		return ServiceProcess.start(module, jar(module), this.env, APP_JVM, port,
				this.logs.resolve(module + "-" + port + ".log"));
	}

	private void injectFaults(ChaosFaults faults, Random random, int rounds, ChaosLoad load) {
		try {
			faults.run(random, rounds, this.orders, load::sent);
		}
		catch (RuntimeException ex) {
			log("fault injection failed: %s", ex);
			this.faultsFailed.set(true);
			throw ex;
		}
		finally {
			this.faultsDone.set(true);
		}
	}

	/** Kills an instance with SIGKILL and starts it again on its port. */
	private final class Restarts implements ChaosFaults.Restarts {

		@Override
		public void api(Random random) {
			restart("order-api", Chaos.this.apiProcesses, random);
		}

		@Override
		public void consumer(Random random) {
			restart("order-consumer", Chaos.this.consumerProcesses, random);
		}

		private void restart(String module, List<ServiceProcess> instances, Random random) {
			int index = random.nextInt(instances.size());
			ServiceProcess victim = instances.get(index);
			log("KILL %s on port %d (pid %d, SIGKILL)", module, victim.port(), victim.pid());
			victim.kill();
			instances.set(index, startAgain(module, victim.port()));
		}

		/**
		 * Starts the instance again, up to three times: a start can fail for a reason
		 * that says nothing about the system (the port still held by the dying process, a
		 * start slower than the timeout on a loaded machine). A third failure voids the
		 * run.
		 */
		private ServiceProcess startAgain(String module, int port) {
			for (int attempt = 1;; attempt++) {
				try {
					return startApp(module, port);
				}
				catch (RuntimeException ex) {
					if (attempt == 3) {
						throw ex;
					}
					log("starting %s on port %d failed (attempt %d of 3): %s", module, port, attempt, ex);
				}
			}
		}

	}

	// set-up helpers

	private Connection mysql() throws SQLException {
		return DriverManager.getConnection(this.servers.jdbcUrl(), this.servers.dbUser(), this.servers.dbPassword());
	}

	private List<Long> insertUsers(int count, String role) throws SQLException {
		String run = Long.toString(System.currentTimeMillis(), 36);
		List<String> names = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			names.add("chaos_" + role.toLowerCase() + "_" + run + "_" + i);
		}
		try (Connection db = mysql()) {
			return DirectUsers.insert(db, names, role, "!");
		}
	}

	private List<Long> createProducts(String adminToken, long stock) throws IOException, InterruptedException {
		List<Long> ids = new ArrayList<>();
		int port = this.apiProcesses.get(0).port();
		for (int i = 1; i <= this.products; i++) {
			String body = "{\"name\":\"Chaos product " + i + "\",\"imageUrl\":\"/img/products/" + (1 + i % 8)
					+ ".svg\",\"priceCents\":" + (100 * i) + ",\"warningStock\":0,\"initialStock\":" + stock + "}";
			HttpResponse<String> created = this.http
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/admin/products"))
					.timeout(Duration.ofSeconds(30))
					.header("Authorization", "Bearer " + adminToken)
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build(), HttpResponse.BodyHandlers.ofString());
			Matcher id = ID.matcher(created.body());
			if (created.statusCode() != 201 || !id.find()) {
				throw new IllegalStateException(
						"Creating a product failed: " + created.statusCode() + " " + created.body());
			}
			ids.add(Long.parseLong(id.group(1)));
		}
		return ids;
	}

	private String token(long userId, String role) {
		return AccessTokens.issue(this.jwtSecret, userId, "chaos" + userId, role, Duration.ofDays(1));
	}

	private Path jar(String module) {
		return Devstack.Run.jar(this.home, module);
	}

	private void stopAll() {
		List.copyOf(this.apiProcesses).forEach(ServiceProcess::stop);
		List.copyOf(this.consumerProcesses).forEach(ServiceProcess::stop);
		if (this.servers != null) {
			this.servers.close();
		}
		if (this.redisClient != null) {
			this.redisClient.shutdown();
		}
		this.killLog.close();
	}

	private String elapsed() {
		return String.format("%.0f s", (System.nanoTime() - this.began) / 1e9);
	}

	private synchronized void log(String format, Object... args) {
		String line = String.format("%s +%6.1fs  %s", LocalTime.now().truncatedTo(ChronoUnit.MILLIS),
				(System.nanoTime() - this.began) / 1e9, String.format(format, args));
		System.out.println(line);
		if (this.killLog != System.out) {
			this.killLog.println(line);
		}
	}

}
