package dev.surge.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import dev.surge.contracts.RedisKeys;
import dev.surge.contracts.Reservations;
import dev.surge.devstack.ClusterServers;
import dev.surge.devstack.ServiceProcess;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Surge in its production topology, started and stopped by this class (not the shared
 * {@link SurgeSystem}): a KRaft controller and three brokers (replication factor 3,
 * {@code min.insync.replicas=2}), a three-master Redis Cluster with a password, MariaDB,
 * two order-consumer and two order-api processes. Clients alternate between the two APIs
 * directly (what the devstack balancer does per connection).
 * <p>
 * Runs first ({@code @Order(1)}), so that it never shares the machine with the
 * single-node system of the other classes.
 */
@Order(1)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterModeIntegrationTests {

	private static final String JWT_SECRET = "cluster-tests-" + UUID.randomUUID() + "-" + UUID.randomUUID();

	private static final String REDIS_PASSWORD = "cluster-tests-redis";

	private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36);

	private final AtomicInteger names = new AtomicInteger();

	private final Path home = Paths.get(System.getProperty("surge.home", "..")).toAbsolutePath().normalize();

	private final List<ServiceProcess> consumers = new ArrayList<>();

	private final List<ServiceProcess> apiProcesses = new ArrayList<>();

	private final List<Api> apis = new ArrayList<>();

	private Path data;

	private ClusterServers servers;

	private Map<String, String> environment;

	private RedisClusterClient redisClient;

	private StatefulRedisClusterConnection<String, String> redisConnection;

	private RedisAdvancedClusterCommands<String, String> redis;

	private String adminToken;

	@BeforeAll
	void startTheCluster() throws Exception {
		long began = System.nanoTime();
		// one dir per test JVM: several runs may share this checkout
		this.data = this.home.resolve("system-tests/target/cluster-data")
			.resolve(RUN + "-" + ProcessHandle.current().pid());
		Path data = this.data;
		deleteRecursively(data);
		this.servers = ClusterServers.start(ClusterServers.Options.random(data, REDIS_PASSWORD));
		this.environment = new HashMap<>(this.servers.springEnvironment());
		this.environment.put("SURGE_SECURITY_JWT_SECRET", JWT_SECRET);
		this.environment.putAll(SecurityTestEnvironment.VARIABLES);
		this.environment.put("SPRING_DATA_REDIS_PASSWORD", REDIS_PASSWORD);
		this.environment.put("SURGE_KAFKA_PARTITIONS", "6");
		this.environment.put("SPRING_KAFKA_LISTENER_CONCURRENCY", "2");
		// the first consumer creates the topics and the schema before the others start
		this.consumers.add(startConsumer());
		try (ExecutorService starters = Executors.newVirtualThreadPerTaskExecutor()) {
			CompletableFuture<ServiceProcess> consumer = CompletableFuture.supplyAsync(this::startConsumer, starters);
			CompletableFuture<ServiceProcess> firstApi = CompletableFuture.supplyAsync(this::startApi, starters);
			CompletableFuture<ServiceProcess> secondApi = CompletableFuture.supplyAsync(this::startApi, starters);
			this.consumers.add(consumer.join());
			this.apiProcesses.add(firstApi.join());
			this.apiProcesses.add(secondApi.join());
		}
		for (ServiceProcess api : this.apiProcesses) {
			this.apis.add(new Api("http://127.0.0.1:" + api.port()));
		}
		List<RedisURI> seeds = Stream.of(this.servers.redisClusterNodes().split(","))
			.map((node) -> RedisURI.Builder.redis("127.0.0.1", Integer.parseInt(node.substring(node.indexOf(':') + 1)))
				.withPassword(REDIS_PASSWORD.toCharArray())
				.build())
			.toList();
		this.redisClient = RedisClusterClient.create(seeds);
		this.redisConnection = this.redisClient.connect();
		this.redis = this.redisConnection.sync();
		long admin = insertUsers(List.of(uniqueName("admin")), "ADMIN").get(0);
		this.adminToken = token(admin, "admin", "ADMIN");
		System.out.printf("cluster system ready in %.1f s%n", (System.nanoTime() - began) / 1e9);
	}

	@AfterAll
	void stopTheCluster() {
		this.apiProcesses.forEach(ServiceProcess::stop);
		this.consumers.forEach(ServiceProcess::stop);
		if (this.redisClient != null) {
			this.redisConnection.close();
			this.redisClient.shutdown();
		}
		if (this.servers != null) {
			this.servers.close();
			try {
				deleteRecursively(this.data);
			}
			catch (IOException ex) {
				// left for mvn clean
			}
		}
	}

	@Test
	@Order(1)
	void multiItemOrdersSpanProductsOnEveryMasterWithoutCrossSlotErrors() throws Exception {
		List<Long> products = productsOnEveryMaster(20);
		assertThat(products.stream().map(this::masterOf).distinct()).as("masters of %s", products).hasSize(3);
		Customer buyer = customers(1).get(0);
		List<Long> accepted = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			Api.Response answer = order(this.apis.get(i % 2), buyer, products, 2);
			assertThat(answer.status()).as(answer.text()).isEqualTo(202);
			accepted.add(Long.parseLong(answer.json().get("orderId").asString()));
		}
		// 12 of 20 units gone on every product; items are reserved by product id, so the
		// last one cannot have 9 after the two others were reserved on their masters:
		// those are released again
		List<Long> byId = products.stream().sorted().toList();
		Api.Response refused = order(this.apis.get(0), buyer, byId, List.of(1, 1, 9));
		assertThat(refused.status()).as(refused.text()).isEqualTo(409);
		assertThat(refused.json().get("productId").asLong()).isEqualTo(byId.get(2));
		awaitAccepted(accepted);
		awaitDrained(products);
		for (long product : products) {
			assertThat(stock(product)).isEqualTo(new StockRow(20, 8, 12, 0));
			assertThat(redisStock(product)).as("Redis stock of %d", product).isEqualTo(8);
			assertThat(stockLogRows(product, "PRELOCK", accepted)).isEqualTo(6);
		}
		// the stock view reads every product's Redis key at once (MGET across slots)
		Api.Response levels = this.apis.get(1).get("/api/admin/inventory/low-stock?threshold=1000000", this.adminToken);
		assertThat(levels.status()).as(levels.text()).isEqualTo(200);
		Map<Long, Long> sellable = new HashMap<>();
		levels.json()
			.get("lowStock")
			.valueStream()
			.filter((level) -> products.contains(level.get("id").asLong()))
			.forEach((level) -> sellable.put(level.get("id").asLong(), level.get("sellable").asLong()));
		assertThat(sellable).containsOnlyKeys(products).allSatisfy((id, units) -> assertThat(units).isEqualTo(8));
		// cached details: one entry per product on its slot, the catalogue on a slot of
		// its own
		for (long product : products) {
			assertThat(this.apis.get(0).get("/api/products/" + product, null).status()).isEqualTo(200);
			assertThat(this.redis.exists(RedisKeys.productDetails(product))).isEqualTo(1);
		}
		assertThat(this.apis.get(1).get("/api/products", null).status()).isEqualTo(200);
		assertThat(this.redis.exists(RedisKeys.catalogue())).isEqualTo(1);
		assertStockSyncCheckClean();
	}

	@Test
	@Order(2)
	void ordersThroughEitherApiAreLiveEventsOnBoth() throws Exception {
		long product = createProduct(10);
		Customer buyer = customers(1).get(0);
		try (EventStream first = new EventStream(this.apis.get(0), buyer.token(), Duration.ofSeconds(60));
				EventStream second = new EventStream(this.apis.get(1), buyer.token(), Duration.ofSeconds(60))) {
			first.awaitConnected();
			second.awaitConnected();
			List<Long> orders = new ArrayList<>();
			for (Api api : this.apis) {
				Api.Response answer = order(api, buyer, List.of(product), 1);
				assertThat(answer.status()).as(answer.text()).isEqualTo(202);
				orders.add(Long.parseLong(answer.json().get("orderId").asString()));
			}
			for (long order : orders) {
				for (EventStream stream : List.of(first, second)) {
					assertThat(stream.awaitLine("\"orderId\":\"" + order + "\"")).contains("PENDING_PAYMENT");
				}
			}
			first.awaitLine("\"productId\":" + product);
			second.awaitLine("\"productId\":" + product);
		}
	}

	@Test
	@Order(3)
	void consumerAndBrokerKilledDuringABurstLoseAndDuplicateNothing() throws Exception {
		List<Long> products = productsOnEveryMaster(400);
		List<Long> extra = List.of(createProduct(400), createProduct(400), createProduct(400));
		List<Long> all = new ArrayList<>(products);
		all.addAll(extra);
		try (Burst burst = new Burst(this.apis, customers(32), all, 2500)) {
			burst.awaitAnswers(500);
			this.consumers.get(0).kill();
			burst.awaitAnswers(1000);
			int beforeBrokerKill = burst.accepted().size();
			this.servers.stopKafkaBroker(2, true);
			burst.awaitEnd();
			System.out
				.println("cluster burst: " + burst + ", accepted before the broker was killed " + beforeBrokerKill);
			assertThat(burst.accepted()).as("orders accepted after the broker was killed")
				.hasSizeGreaterThan(beforeBrokerKill + 100);
			assertThat(burst.accepted()).as("accepted of %s", burst).hasSizeGreaterThan(500);
			assertThat(burst.count(202, 0) + burst.count(202, 1)).isEqualTo(burst.accepted().size());
			assertThat(burst.count(202, 0)).as("accepted through the first API").isPositive();
			assertThat(burst.count(202, 1)).as("accepted through the second API").isPositive();

			awaitAccepted(burst.accepted().keySet());
			awaitDrained(all);
			Map<Long, List<Long>> lines = burst.accepted();
			assertThat(count("SELECT COUNT(*) FROM orders WHERE id IN (%s)", lines.keySet()))
				.as("accepted orders in MySQL, once each")
				.isEqualTo(lines.size());
			assertThat(count("SELECT COUNT(*) FROM orders WHERE id IN (%s) AND status <> 'PENDING_PAYMENT'",
					lines.keySet()))
				.as("accepted orders not PENDING_PAYMENT")
				.isZero();
			long acceptedLines = lines.values().stream().mapToLong(List::size).sum();
			assertThat(count("SELECT COUNT(*) FROM stock_log WHERE change_type = 'PRELOCK' AND order_id IN (%s)",
					lines.keySet()))
				.as("PRELOCK rows of the accepted orders")
				.isEqualTo(acceptedLines);
			long inMysql = ordersOf(all);
			assertThat(inMysql).as("orders of the burst's products in MySQL")
				.isBetween((long) lines.size(), (long) lines.size() + burst.unsure());
			for (long product : all) {
				long units = lines.values().stream().flatMap(List::stream).filter((p) -> p == product).count();
				StockRow row = stock(product);
				assertThat(row.locked()).as("locked units of %d", product).isEqualTo(units);
				assertThat(row.total()).isEqualTo(row.available() + row.locked() + row.sold());
				assertThat(row.available()).isNotNegative();
				assertThat(redisStock(product)).as("Redis stock of %d", product)
					.isEqualTo(row.available() - reservedUnits(product));
			}
			assertStockSyncCheckClean();
		}
		finally {
			this.servers.startKafkaBroker(2);
		}
	}

	// --- the system

	private ServiceProcess startConsumer() {
		Map<String, String> env = new HashMap<>(this.environment);
		int port = SurgeSystem.freePort();
		// a killed consumer's partitions move on after 10 s instead of 45 s
		env.put("SPRING_APPLICATION_JSON", "{\"spring.kafka.consumer.properties.session.timeout.ms\":\"10000\","
				+ "\"spring.kafka.consumer.properties.heartbeat.interval.ms\":\"2000\"}");
		return ServiceProcess.start("order-consumer", jar("order-consumer"), env, jvm(), port,
				log("cluster-order-consumer-" + RUN + "-" + port));
	}

	private ServiceProcess startApi() {
		int port = SurgeSystem.freePort();
		return ServiceProcess.start("order-api", jar("order-api"), this.environment, jvm(), port,
				log("cluster-order-api-" + RUN + "-" + port));
	}

	private static List<String> jvm() {
		return List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1");
	}

	private Path jar(String module) {
		String version = System.getProperty("surge.version", "0.1.0-SNAPSHOT");
		Path jar = this.home.resolve(module).resolve("target").resolve(module + "-" + version + "-exec.jar");
		assertThat(jar).as("build with ./mvnw package first").isRegularFile();
		return jar;
	}

	private Path log(String name) {
		return this.home.resolve("system-tests").resolve("target").resolve(name + ".log");
	}

	/**
	 * stock-sync check with the cluster given as flags and the passwords in its
	 * environment, as an operator would run it.
	 */
	private void assertStockSyncCheckClean() throws Exception {
		List<String> command = List.of(SurgeSystem.javaBinary(), "-Xmx256m", "-jar", jar("stock-sync").toString(),
				"check", "--jdbc-url", this.servers.jdbcUrl(), "--db-user", this.servers.dbUser(),
				"--redis-cluster-nodes", this.servers.redisClusterNodes());
		Path output = Files.createTempFile("stock-sync", ".out");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
		builder.environment().put("SPRING_DATASOURCE_PASSWORD", this.servers.dbPassword());
		builder.environment().put("SPRING_DATA_REDIS_PASSWORD", REDIS_PASSWORD);
		Process process = builder.start();
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("stock-sync check finished").isTrue();
		String text = Files.readString(output);
		Files.delete(output);
		assertThat(process.exitValue()).as(text).isZero();
	}

	// --- shop

	private Api.Response order(Api api, Customer buyer, List<Long> products, int quantity) {
		return order(api, buyer, products, Collections.nCopies(products.size(), quantity));
	}

	private Api.Response order(Api api, Customer buyer, List<Long> products, List<Integer> quantities) {
		List<Map<String, Object>> items = new ArrayList<>();
		for (int i = 0; i < products.size(); i++) {
			items.add(Map.of("productId", products.get(i), "quantity", quantities.get(i)));
		}
		return api.post("/api/orders", buyer.token(), Map.of("items", items), "Idempotency-Key",
				UUID.randomUUID().toString());
	}

	private long createProduct(int stock) {
		Api.Response created = this.apis.get(this.names.get() % 2)
			.post("/api/admin/products", this.adminToken, Map.of("name", uniqueName("Product"), "imageUrl",
					"/img/products/1.svg", "priceCents", 1999, "warningStock", 5, "initialStock", stock));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	/**
	 * Creates products until there is one whose hash slot ({@code stock:{p<id>}}) is
	 * served by each master; returns one per master.
	 */
	private List<Long> productsOnEveryMaster(int stock) {
		Map<String, Long> byMaster = new LinkedHashMap<>();
		for (int i = 0; i < 30 && byMaster.size() < 3; i++) {
			long product = createProduct(stock);
			byMaster.putIfAbsent(masterOf(product), product);
		}
		return List.copyOf(byMaster.values());
	}

	private String masterOf(long product) {
		int slot = SlotHash.getSlot(RedisKeys.stock(product));
		assertThat(slot).isEqualTo(SlotHash.getSlot(RedisKeys.reservations(product)));
		return this.redisClient.getPartitions().getPartitionBySlot(slot).getNodeId();
	}

	private List<Customer> customers(int count) {
		List<String> names = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			names.add(uniqueName("crowd"));
		}
		List<Long> ids = insertUsers(names, "CUSTOMER");
		List<Customer> customers = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			customers.add(new Customer(ids.get(i), token(ids.get(i), names.get(i), "CUSTOMER")));
		}
		return customers;
	}

	private List<Long> insertUsers(List<String> names, String role) {
		String hash = new BCryptPasswordEncoder(4).encode("correct-horse-battery");
		List<Long> ids = new ArrayList<>();
		try (Connection db = mysql();
				PreparedStatement insert = db.prepareStatement(
						"INSERT INTO users (username, password_hash, role) VALUES (?, ?, ?)",
						Statement.RETURN_GENERATED_KEYS)) {
			for (String name : names) {
				insert.setString(1, name);
				insert.setString(2, hash);
				insert.setString(3, role);
				insert.executeUpdate();
				try (ResultSet keys = insert.getGeneratedKeys()) {
					keys.next();
					ids.add(keys.getLong(1));
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return ids;
	}

	private static String token(long userId, String username, String role) {
		try {
			JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("surge")
				.subject(Long.toString(userId))
				.claim("username", username)
				.claim("role", role)
				.issueTime(new Date())
				.expirationTime(Date.from(Instant.now().plus(2, ChronoUnit.HOURS)))
				.build();
			SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
			jwt.sign(new MACSigner(JWT_SECRET.getBytes()));
			return jwt.serialize();
		}
		catch (com.nimbusds.jose.JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String uniqueName(String prefix) {
		return prefix + "_" + RUN + "_" + this.names.incrementAndGet();
	}

	// --- stores

	private Connection mysql() throws SQLException {
		return DriverManager.getConnection(this.servers.jdbcUrl(), this.servers.dbUser(), this.servers.dbPassword());
	}

	private long redisStock(long product) {
		String value = this.redis.get(RedisKeys.stock(product));
		return (value != null) ? Long.parseLong(value) : -1;
	}

	private long reservedUnits(long product) {
		return this.redis.hvals(RedisKeys.reservations(product))
			.stream()
			.mapToLong((value) -> Reservations.parse(value).quantity())
			.sum();
	}

	private void awaitAccepted(Collection<Long> orders) {
		await().atMost(Duration.ofSeconds(180))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(count("SELECT COUNT(*) FROM orders WHERE id IN (%s)", orders))
				.as("accepted orders in MySQL")
				.isEqualTo(orders.size()));
	}

	private void awaitDrained(Collection<Long> products) {
		// an orphaned reservation is expired by the sweeper after ~20 s
		await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			for (long product : products) {
				assertThat(reservedUnits(product)).as("unclaimed units of product %d", product).isZero();
			}
		});
	}

	private StockRow stock(long product) throws SQLException {
		try (Connection db = mysql();
				PreparedStatement select = db.prepareStatement(
						"SELECT total, available, locked, sold FROM product_stock WHERE product_id = ?")) {
			select.setLong(1, product);
			try (ResultSet rs = select.executeQuery()) {
				assertThat(rs.next()).as("stock of %d", product).isTrue();
				return new StockRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
			}
		}
	}

	private long stockLogRows(long product, String type, Collection<Long> orders) {
		return count("SELECT COUNT(*) FROM stock_log WHERE product_id = " + product + " AND change_type = '" + type
				+ "' AND order_id IN (%s)", orders);
	}

	private long ordersOf(Collection<Long> products) {
		return count("SELECT COUNT(DISTINCT order_id) FROM order_items WHERE product_id IN (%s)", products);
	}

	/** {@code sql} with {@code %s} for the ids, summed over chunks of 500 ids. */
	private long count(String sql, Collection<Long> ids) {
		List<Long> all = new ArrayList<>(ids);
		long total = 0;
		try (Connection db = mysql()) {
			for (int from = 0; from < all.size(); from += 500) {
				List<Long> chunk = all.subList(from, Math.min(all.size(), from + 500));
				try (PreparedStatement select = db
					.prepareStatement(sql.formatted(String.join(",", Collections.nCopies(chunk.size(), "?"))))) {
					for (int i = 0; i < chunk.size(); i++) {
						select.setLong(i + 1, chunk.get(i));
					}
					try (ResultSet rs = select.executeQuery()) {
						rs.next();
						total += rs.getLong(1);
					}
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return total;
	}

	private static void deleteRecursively(Path path) throws IOException {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(path)) {
			for (Path file : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.delete(file);
			}
		}
	}

	record Customer(long id, String token) {
	}

	record StockRow(long total, long available, long locked, long sold) {
	}

	/**
	 * Orders from concurrent customers, each sending one after the other through the two
	 * APIs in turn: a third of them with two products, the others with one, one unit
	 * each. Keeps every answer per API, and the products of each accepted order.
	 */
	static final class Burst implements AutoCloseable {

		private final List<Api> apis;

		private final List<Long> products;

		private final int total;

		private final AtomicInteger sent = new AtomicInteger();

		private final ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();

		private final Map<String, AtomicLong> statuses = new ConcurrentHashMap<>();

		private final AtomicLong failures = new AtomicLong();

		private final Map<Long, List<Long>> accepted = new ConcurrentHashMap<>();

		Burst(List<Api> apis, List<Customer> customers, List<Long> products, int total) {
			this.apis = apis;
			this.products = products;
			this.total = total;
			for (Customer customer : customers) {
				this.clients.submit(() -> run(customer));
			}
		}

		private void run(Customer customer) {
			ThreadLocalRandom random = ThreadLocalRandom.current();
			int n;
			while ((n = this.sent.incrementAndGet()) <= this.total) {
				int api = n % 2;
				List<Long> lines = new ArrayList<>(List.of(this.products.get(random.nextInt(this.products.size()))));
				if (n % 3 == 0) {
					long second = this.products.get(random.nextInt(this.products.size()));
					if (second != lines.get(0)) {
						lines.add(second);
					}
				}
				List<Map<String, Object>> items = lines.stream()
					.map((product) -> Map.<String, Object>of("productId", product, "quantity", 1))
					.toList();
				try {
					Api.Response answer = this.apis.get(api)
						.post("/api/orders", customer.token(), Map.of("items", items), "Idempotency-Key",
								UUID.randomUUID().toString());
					this.statuses.computeIfAbsent(answer.status() + "@" + api, (key) -> new AtomicLong())
						.incrementAndGet();
					if (answer.status() == 202) {
						this.accepted.put(Long.parseLong(answer.json().get("orderId").asString()), lines);
					}
					else if (answer.status() >= 500) {
						Thread.sleep(200);
					}
				}
				catch (RuntimeException ex) {
					this.failures.incrementAndGet();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}

		void awaitAnswers(long count) {
			await().atMost(Duration.ofSeconds(180))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> answered() >= count || this.sent.get() > this.total);
		}

		void awaitEnd() throws InterruptedException {
			this.clients.shutdown();
			assertThat(this.clients.awaitTermination(5, TimeUnit.MINUTES)).as("clients finished: %s", this).isTrue();
		}

		long answered() {
			return this.statuses.values().stream().mapToLong(AtomicLong::get).sum() + this.failures.get();
		}

		long count(int status, int api) {
			AtomicLong count = this.statuses.get(status + "@" + api);
			return (count != null) ? count.get() : 0;
		}

		/** Requests whose order may exist though not answered 202: 5xx and no answer. */
		long unsure() {
			return this.failures.get() + this.statuses.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().startsWith("5"))
				.mapToLong((entry) -> entry.getValue().get())
				.sum();
		}

		Map<Long, List<Long>> accepted() {
			return Map.copyOf(this.accepted);
		}

		@Override
		public void close() {
			this.clients.shutdownNow();
		}

		@Override
		public String toString() {
			return "answers (status@api) " + new TreeMap<>(this.statuses) + ", failed requests " + this.failures
					+ ", accepted " + this.accepted.size();
		}

	}

}
