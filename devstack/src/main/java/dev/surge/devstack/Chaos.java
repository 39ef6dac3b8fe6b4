package dev.surge.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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

	private static final Pattern ORDER_ID = Pattern.compile("\"orderId\"\\s*:\\s*\"?(\\d+)");

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

	@Option(names = "--seed", description = "Seed of the random choices (default: random, printed).")
	Long seed;

	@Option(names = "--drain-timeout", defaultValue = "PT10M",
			description = "How long to wait for the drain (default ${DEFAULT-VALUE}).")
	Duration drainTimeout;

	@Option(names = "--data-dir", defaultValue = ".data-chaos",
			description = "Data, logs and the kill log, relative to --home; wiped at start (default ${DEFAULT-VALUE}).")
	Path dataDir;

	private final Map<String, AtomicLong> answers = new ConcurrentHashMap<>();

	private final Set<Long> accepted = ConcurrentHashMap.newKeySet();

	private final AtomicLong sent = new AtomicLong();

	private final AtomicBoolean faultsDone = new AtomicBoolean();

	private final AtomicLong nextSlot = new AtomicLong();

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

	private String jwtSecret = "";

	@Override
	public Integer call() throws Exception {
		this.home = this.parent.home.toAbsolutePath().normalize();
		Path data = this.home.resolve(this.dataDir);
		wipe(data);
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
			Instant loadStart = Instant.now();
			Thread faults = Thread.ofPlatform().name("chaos-faults").start(() -> runFaults(random));
			runLoad(users, productIds);
			faults.join();
			Duration loadTime = Duration.between(loadStart, Instant.now());
			log("load done: %d requests in %s", this.sent.get(), loadTime.truncatedTo(ChronoUnit.SECONDS));
			ChaosVerdict verdict = drainAndJudge(productIds, stock);
			verdict.print(System.out, this.orders, this.sent.get(), loadTime, elapsed(), new TreeMap<>(this.answers));
			log("verdict: %s", verdict.violations().isEmpty() ? "PASS" : "FAIL " + verdict.violations());
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
		base.put("SPRING_APPLICATION_JSON", "{\"spring.kafka.consumer.properties.session.timeout.ms\":\"10000\","
				+ "\"spring.kafka.consumer.properties.heartbeat.interval.ms\":\"2000\"}");
		this.env = base;
		for (int i = 0; i < this.consumers; i++) {
			this.consumerProcesses.add(startApp("order-consumer", Processes.freePorts(1)[0]));
		}
		for (int i = 0; i < this.apis; i++) {
			this.apiProcesses.add(startApp("order-api", Processes.freePorts(1)[0]));
		}
		log("system up: %d consumers, APIs on ports %s", this.consumers,
				this.apiProcesses.stream().map(ServiceProcess::port).toList());
	}

	private ServiceProcess startApp(String module, int port) {
		return ServiceProcess.start(module, jar(module), this.env, APP_JVM, port,
				this.logs.resolve(module + "-" + port + ".log"));
	}

	// the load

	private void runLoad(List<Long> users, List<Long> productIds) throws InterruptedException {
		List<String> tokens = users.stream().map((id) -> token(id, "CUSTOMER")).toList();
		ExecutorService clientThreads = Executors.newVirtualThreadPerTaskExecutor();
		for (int i = 0; i < this.clients; i++) {
			int client = i;
			clientThreads.submit(() -> client(client, tokens.get(client), productIds));
		}
		clientThreads.shutdown();
		long lastReport = System.nanoTime();
		while (!clientThreads.awaitTermination(1, TimeUnit.SECONDS)) {
			if (System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(15)) {
				lastReport = System.nanoTime();
				log("progress: %d requests, %s", this.sent.get(), new TreeMap<>(this.answers));
			}
		}
	}

	private void client(int client, String token, List<Long> productIds) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		int attempt = client;
		while (this.sent.get() < this.orders || !this.faultsDone.get()) {
			pace();
			long product = productIds.get(random.nextInt(productIds.size()));
			int quantity = (random.nextInt(10) == 0) ? 2 : 1;
			List<ServiceProcess> instances = List.copyOf(this.apiProcesses);
			ServiceProcess api = instances.get(Math.floorMod(attempt++, instances.size()));
			this.sent.incrementAndGet();
			try {
				HttpResponse<String> answer = this.http
					.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/api/orders"))
						.timeout(Duration.ofSeconds(30))
						.header("Authorization", "Bearer " + token)
						.header("Content-Type", "application/json")
						.header("Idempotency-Key", UUID.randomUUID().toString())
						.POST(HttpRequest.BodyPublishers
							.ofString("{\"productId\":" + product + ",\"quantity\":" + quantity + "}"))
						.build(), HttpResponse.BodyHandlers.ofString());
				count(Integer.toString(answer.statusCode()));
				if (answer.statusCode() == 202) {
					Matcher id = ORDER_ID.matcher(answer.body());
					if (id.find()) {
						this.accepted.add(Long.parseLong(id.group(1)));
					}
				}
				else if (answer.statusCode() >= 500 || answer.statusCode() == 429) {
					Thread.sleep(200);
				}
			}
			catch (IOException ex) {
				count("connection failed");
				sleepQuietly(Duration.ofMillis(200));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private void pace() {
		if (this.rate <= 0) {
			return;
		}
		long interval = TimeUnit.SECONDS.toNanos(1) / this.rate;
		long slot = this.nextSlot.accumulateAndGet(System.nanoTime(), (last, now) -> Math.max(last + interval, now));
		long wait = slot - System.nanoTime();
		if (wait > 0) {
			sleepQuietly(Duration.ofNanos(wait));
		}
	}

	private void count(String answer) {
		this.answers.computeIfAbsent(answer, (key) -> new AtomicLong()).incrementAndGet();
	}

	// the faults

	enum Fault {

		KAFKA, REDIS, MYSQL, API, CONSUMER

	}

	private void runFaults(Random random) {
		try {
			int planned = (this.rounds > 0) ? this.rounds : Math.max(1, this.orders / 50_000);
			List<Fault> plan = new ArrayList<>();
			for (int round = 0; round < planned; round++) {
				List<Fault> kinds = new ArrayList<>(List.of(Fault.values()));
				Collections.shuffle(kinds, random);
				plan.addAll(kinds);
			}
			List<Double> moments = new ArrayList<>();
			for (int i = 0; i < plan.size(); i++) {
				moments.add(0.05 + 0.8 * random.nextDouble());
			}
			Collections.sort(moments);
			log("planned kills: %s", plan);
			for (int i = 0; i < plan.size(); i++) {
				long at = (long) (moments.get(i) * this.orders);
				while (this.sent.get() < at) {
					sleepQuietly(Duration.ofMillis(50));
				}
				inject(plan.get(i), random);
			}
		}
		catch (RuntimeException ex) {
			log("fault injection failed: %s", ex);
			throw ex;
		}
		finally {
			this.faultsDone.set(true);
		}
	}

	private void inject(Fault fault, Random random) {
		switch (fault) {
			case KAFKA -> outage("Kafka broker killed (SIGKILL)", () -> this.servers.stopKafka(true),
					this.servers::startKafka, Duration.ofMillis(2000 + random.nextInt(4000)));
			case REDIS -> outage("Redis stopped (SIGTERM, AOF kept)", this.servers::stopRedis, this.servers::startRedis,
					Duration.ofMillis(1000 + random.nextInt(2000)));
			case MYSQL -> outage("MySQL stopped", this.servers::stopMysql, this.servers::startMysql,
					Duration.ofMillis(5000 + random.nextInt(15000)));
			case API -> restart("order-api", this.apiProcesses, random);
			case CONSUMER -> restart("order-consumer", this.consumerProcesses, random);
		}
	}

	private void outage(String what, Runnable stop, Runnable start, Duration down) {
		log("KILL %s, down for %s", what, down);
		stop.run();
		sleepQuietly(down);
		timedStep("restarted after " + what, start);
	}

	private void restart(String module, List<ServiceProcess> instances, Random random) {
		int index = random.nextInt(instances.size());
		ServiceProcess victim = instances.get(index);
		log("KILL %s on port %d (pid %d, SIGKILL)", module, victim.port(), victim.pid());
		victim.kill();
		timedStep(module + " restarted on port " + victim.port(),
				() -> instances.set(index, startApp(module, victim.port())));
	}

	private void timedStep(String what, Runnable step) {
		long start = System.nanoTime();
		step.run();
		log("%s (%.1f s)", what, (System.nanoTime() - start) / 1e9);
	}

	// drain and verdict

	private ChaosVerdict drainAndJudge(List<Long> productIds, long stock) throws SQLException, InterruptedException {
		long deadline = System.nanoTime() + this.drainTimeout.toNanos();
		long missing;
		long held;
		while (true) {
			missing = missing(List.copyOf(this.accepted));
			held = reservations(productIds);
			if ((missing == 0 && held == 0) || System.nanoTime() > deadline) {
				break;
			}
			log("draining: %d accepted orders not in MySQL yet, %d reservations unclaimed", missing, held);
			Thread.sleep(5000);
		}
		log("drained: %d accepted orders missing, %d reservations left", missing, held);
		Map<Long, Long> driftBefore = drift(productIds);
		int reconcile = stockSync("reconcile", "--fix");
		Map<Long, Long> driftAfter = drift(productIds);
		int check = stockSync("check");
		return ChaosVerdict.of(mysql(), productIds, stock, this.accepted.size(), missing,
				countAbandoned(List.copyOf(this.accepted)), held, driftBefore, driftAfter, reconcile, check);
	}

	private long missing(List<Long> ids) throws SQLException {
		long found = 0;
		try (Connection db = mysql()) {
			for (int from = 0; from < ids.size(); from += 1000) {
				List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
				found += countIn(db, "SELECT COUNT(*) FROM orders WHERE id IN (%s)", chunk);
			}
		}
		catch (SQLException ex) {
			log("MySQL not answering yet: %s", ex.getMessage());
			return ids.size();
		}
		return ids.size() - found;
	}

	private long countAbandoned(List<Long> ids) throws SQLException {
		long found = 0;
		try (Connection db = mysql()) {
			for (int from = 0; from < ids.size(); from += 1000) {
				found += countIn(db, "SELECT COUNT(*) FROM abandoned_orders WHERE order_id IN (%s)",
						ids.subList(from, Math.min(ids.size(), from + 1000)));
			}
		}
		return found;
	}

	static long countIn(Connection db, String sql, List<Long> ids) throws SQLException {
		if (ids.isEmpty()) {
			return 0;
		}
		try (PreparedStatement select = db
			.prepareStatement(sql.formatted(String.join(",", Collections.nCopies(ids.size(), "?"))))) {
			for (int i = 0; i < ids.size(); i++) {
				select.setLong(i + 1, ids.get(i));
			}
			try (ResultSet rs = select.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	private long reservations(List<Long> productIds) {
		try (Resp redis = redis()) {
			long held = 0;
			for (long id : productIds) {
				held += redis.hlen("resv:{p" + id + "}");
			}
			return held;
		}
		catch (RuntimeException ex) {
			return -1;
		}
	}

	/** Redis stock minus (MySQL available − Σ reservations), per product. */
	private Map<Long, Long> drift(List<Long> productIds) throws SQLException {
		Map<Long, Long> drift = new LinkedHashMap<>();
		try (Connection db = mysql();
				Resp redis = redis();
				PreparedStatement select = db
					.prepareStatement("SELECT available FROM product_stock WHERE product_id = ?")) {
			for (long id : productIds) {
				select.setLong(1, id);
				long available;
				try (ResultSet rs = select.executeQuery()) {
					rs.next();
					available = rs.getLong(1);
				}
				String value = redis.get("stock:{p" + id + "}");
				long held = 0;
				if (redis.hlen("resv:{p" + id + "}") > 0) {
					held = -1; // not drained: counted as drift below
				}
				drift.put(id, (value != null && held == 0) ? Long.parseLong(value) - available : Long.MIN_VALUE);
			}
		}
		return drift;
	}

	private int stockSync(String... args) {
		List<String> command = new ArrayList<>(
				List.of(Processes.javaBinary(), "-Xmx256m", "-jar", jar("stock-sync").toString()));
		command.addAll(List.of(args));
		Path log = this.logs.resolve("stock-sync.log");
		try {
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
			builder.environment().putAll(this.env);
			Process process = builder.start();
			if (!process.waitFor(5, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				return -1;
			}
			log("stock-sync %s: exit %d (output in %s)", String.join(" ", args), process.exitValue(), log);
			return process.exitValue();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	// set-up helpers

	private Connection mysql() throws SQLException {
		return DriverManager.getConnection(this.servers.jdbcUrl(), this.servers.dbUser(), this.servers.dbPassword());
	}

	private Resp redis() {
		return new Resp(this.servers.redisHost(), this.servers.redisPort());
	}

	private List<Long> insertUsers(int count, String role) throws SQLException {
		List<Long> ids = new ArrayList<>();
		String run = Long.toString(System.currentTimeMillis(), 36);
		try (Connection db = mysql();
				PreparedStatement insert = db.prepareStatement(
						"INSERT INTO users (username, password_hash, role) VALUES (?, '!', ?)",
						Statement.RETURN_GENERATED_KEYS)) {
			for (int i = 0; i < count; i++) {
				insert.setString(1, "chaos_" + role.toLowerCase() + "_" + run + "_" + i);
				insert.setString(2, role);
				insert.executeUpdate();
				try (ResultSet keys = insert.getGeneratedKeys()) {
					keys.next();
					ids.add(keys.getLong(1));
				}
			}
		}
		return ids;
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

	/**
	 * An access token as order-api issues them: HS256, issuer surge, subject the user id.
	 */
	private String token(long userId, String role) {
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		long now = Instant.now().getEpochSecond();
		String header = base64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
		String claims = base64.encodeToString(
				("{\"iss\":\"surge\",\"sub\":\"" + userId + "\",\"username\":\"chaos" + userId + "\",\"role\":\"" + role
						+ "\",\"iat\":" + now + ",\"exp\":" + (now + 86_400) + "}")
					.getBytes(StandardCharsets.UTF_8));
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.jwtSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] signature = mac.doFinal((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
			return header + "." + claims + "." + base64.encodeToString(signature);
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
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

	private static void sleepQuietly(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void wipe(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (var paths = Files.walk(dir)) {
			for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
