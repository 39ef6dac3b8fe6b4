package dev.surge.systemtests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import dev.surge.contracts.RedisKeys;
import dev.surge.devstack.Ports;
import dev.surge.devstack.ServiceProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Seed 000's 重置库存 end to end, on servers of its own (it deletes every order, so it must
 * not meet the other tests' data): a demo run with orders in every stage is reset while
 * customers keep ordering. Afterwards the orders from before are gone with their payments
 * and logs, every product's stock is whole but for the orders written after the reset,
 * Redis agrees with MySQL ({@code stock-sync check} clean), no order accepted after the
 * reset is lost, and the dashboard was told and counts what MySQL holds.
 */
class DemoResetIntegrationTests {

	/** The demo catalogue's ids and units. */
	private static final Map<Long, Long> CATALOGUE = Map.of(1L, 100L, 2L, 1_000L, 3L, 800L, 4L, 500L, 5L, 2_000L, 6L,
			1_500L);

	private static final int ORDERING_THREADS = 4;

	private static Infrastructure servers;

	private static Map<String, String> environment;

	private static ServiceProcess consumer;

	private static ServiceProcess apiProcess;

	private static Api api;

	private static RedisClient redisClient;

	private static StatefulRedisConnection<String, String> redisConnection;

	private static List<Shop.User> customers;

	private static String admin;

	@BeforeAll
	static void startADemoRun() throws Exception {
		servers = Infrastructure.ofItsOwn("demo-reset");
		environment = new HashMap<>(servers.springEnvironment());
		environment.put("SURGE_SECURITY_JWT_SECRET", SurgeSystem.JWT_SECRET);
		environment.putAll(SecurityTestEnvironment.VARIABLES);
		environment.put("SURGE_DEMO_ENABLED", "true");
		consumer = start("order-consumer", "-Xmx384m");
		apiProcess = start("order-api", "-Xmx256m");
		api = new Api("http://127.0.0.1:" + apiProcess.port());
		await().atMost(Duration.ofSeconds(60))
			.until(() -> number("SELECT COUNT(*) FROM product_stock") == CATALOGUE.size());
		SurgeSystem.CommandResult load = ExtraApi.run("stock-sync", environment, "load");
		assertThat(load.exitCode()).as(load.output()).isZero();
		redisClient = RedisClient.create("redis://" + environment.get("SPRING_DATA_REDIS_HOST") + ":"
				+ environment.get("SPRING_DATA_REDIS_PORT"));
		redisConnection = redisClient.connect();
		String hash = new BCryptPasswordEncoder().encode(Shop.PASSWORD);
		List<String> names = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			names.add("reset_buyer_" + i);
		}
		customers = Users.customers(DemoResetIntegrationTests::mysql, SurgeSystem.JWT_SECRET, names, hash);
		long adminId = Users.insert(DemoResetIntegrationTests::mysql, List.of("reset_admin"), "ADMIN", hash).getFirst();
		admin = Users.token(SurgeSystem.JWT_SECRET, adminId, "reset_admin", "ADMIN");
	}

	@AfterAll
	static void stop() {
		if (redisClient != null) {
			redisClient.shutdown();
		}
		if (apiProcess != null) {
			apiProcess.stop();
		}
		if (consumer != null) {
			consumer.stop();
		}
		if (servers != null) {
			servers.close();
		}
	}

	@Test
	void aResetWhileOrdersArriveLeavesNoOrderFromBeforeAndEveryStockWholeAndAgreed() throws Exception {
		List<Long> before = ordersInEveryStage();

		Queue<Long> acceptedAfterReset = new ConcurrentLinkedQueue<>();
		AtomicBoolean resetSeen = new AtomicBoolean();
		AtomicBoolean stop = new AtomicBoolean();
		AtomicLong accepted = new AtomicLong();
		ExecutorService ordering = Executors.newFixedThreadPool(ORDERING_THREADS);
		try (EventStream live = new EventStream(api, admin, Duration.ofSeconds(90))) {
			live.awaitConnected();
			List<Future<?>> buyers = new ArrayList<>();
			for (int t = 0; t < ORDERING_THREADS; t++) {
				Shop.User buyer = customers.get(t);
				buyers.add(ordering.submit(() -> {
					Long previous = null;
					while (!stop.get()) {
						boolean afterReset = resetSeen.get();
						ThreadLocalRandom random = ThreadLocalRandom.current();
						Long order = place(buyer, 1 + random.nextLong(CATALOGUE.size()), 1 + random.nextInt(3));
						if (order != null) {
							accepted.incrementAndGet();
							if (afterReset) {
								acceptedAfterReset.add(order);
							}
						}
						// some pay their order before, so payments race the reset too
						if (previous != null && random.nextInt(3) == 0) {
							api.post("/api/orders/" + previous + "/payment", buyer.token(),
									Map.of("outcome", "SUCCESS"));
						}
						previous = order;
					}
					return null;
				}));
			}
			await().atMost(Duration.ofSeconds(30)).until(() -> accepted.get() >= 50);

			Api.Response reset = api.post("/api/admin/demo/reset", admin, Map.of());
			assertThat(reset.status()).as(reset.text()).isEqualTo(202);
			assertThat(live.awaitLine("event:reset")).isNotNull();
			resetSeen.set(true);
			long atReset = accepted.get();
			await().atMost(Duration.ofSeconds(30)).until(() -> accepted.get() >= atReset + 50);
			stop.set(true);
			for (Future<?> buyer : buyers) {
				buyer.get();
			}
		}
		finally {
			stop.set(true);
			ordering.shutdownNow();
		}
		awaitSettled();

		// the orders from before are gone, with everything that was theirs
		String ids = join(before);
		for (String table : List.of("orders WHERE id", "order_items WHERE order_id", "payments WHERE order_id",
				"order_status_log WHERE order_id", "stock_log WHERE order_id")) {
			assertThat(number("SELECT COUNT(*) FROM " + table + " IN (" + ids + ")")).as(table).isZero();
		}
		assertThat(api.get("/api/orders/" + before.getFirst(), admin).status()).isEqualTo(404);
		// none accepted after it is lost
		assertThat(acceptedAfterReset).isNotEmpty();
		assertThat(number("SELECT COUNT(*) FROM orders WHERE id IN (" + join(acceptedAfterReset) + ")"))
			.isEqualTo(acceptedAfterReset.size());
		// every unit is available, or held by an order written after the reset
		assertThat(number("SELECT COUNT(*) FROM orders WHERE status NOT IN "
				+ "('PENDING_PAYMENT', 'REJECTED', 'PAID', 'AWAITING_FULFILMENT')"))
			.isZero();
		RedisCommands<String, String> redis = redisConnection.sync();
		for (Map.Entry<Long, Long> product : CATALOGUE.entrySet()) {
			long id = product.getKey();
			long locked = unitsOf(id, "= 'PENDING_PAYMENT'");
			long sold = unitsOf(id, "IN ('PAID', 'AWAITING_FULFILMENT')");
			assertThat(stock(id)).as("product %d", id)
				.containsExactly(product.getValue(), product.getValue() - locked - sold, locked, sold);
			assertThat(redis.get(RedisKeys.stock(id))).as("Redis stock of product %d", id)
				.isEqualTo(Long.toString(product.getValue() - locked - sold));
			assertThat(number("""
					SELECT COUNT(*) FROM stock_log WHERE product_id = ? AND change_type = 'ADJUST'
					AND operator = 'reset_admin' AND reason = 'demo reset'""", id)).isOne();
		}
		SurgeSystem.CommandResult check = ExtraApi.run("stock-sync", environment, "check");
		assertThat(check.exitCode()).as(check.output()).isZero();
		// the dashboard counts what MySQL holds
		Api.Response stats = api.get("/api/admin/stats", admin);
		assertThat(stats.status()).as(stats.text()).isEqualTo(200);
		assertThat(stats.json().get("ordersByStatus").get("PENDING_PAYMENT").asLong())
			.isEqualTo(number("SELECT COUNT(*) FROM orders WHERE status = 'PENDING_PAYMENT'"));
		assertThat(stats.json().get("paid").asLong())
			.isEqualTo(number("SELECT COUNT(*) FROM orders WHERE paid_at IS NOT NULL"));
	}

	/**
	 * Orders waiting for payment, paid, in fulfilment, completed and cancelled, all
	 * written.
	 */
	private static List<Long> ordersInEveryStage() {
		List<Long> orders = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			Shop.User buyer = customers.get(i % customers.size());
			Long order = place(buyer, 1 + (i % CATALOGUE.size()), 2);
			assertThat(order).isNotNull();
			orders.add(order);
		}
		await().atMost(Duration.ofSeconds(60))
			.until(() -> number("SELECT COUNT(*) FROM orders WHERE status = 'PENDING_PAYMENT' AND id IN ("
					+ join(orders) + ")") == orders.size());
		for (int i = 0; i < 6; i++) {
			Shop.User buyer = customers.get(i % customers.size());
			assertThat(
					api.post("/api/orders/" + orders.get(i) + "/payment", buyer.token(), Map.of("outcome", "SUCCESS"))
						.status())
				.isEqualTo(202);
		}
		assertThat(api
			.post("/api/orders/" + orders.get(9) + "/cancel", customers.get(9 % customers.size()).token(),
					Map.of("reason", "changed my mind"))
			.status()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> number("SELECT COUNT(*) FROM orders WHERE status = 'AWAITING_FULFILMENT' AND id IN ("
					+ join(orders) + ")") == 6);
		fulfil(orders.get(0), "START");
		fulfil(orders.get(1), "START");
		await().atMost(Duration.ofSeconds(60))
			.until(() -> number(
					"SELECT COUNT(*) FROM orders WHERE status = 'FULFILLING' AND id IN (" + join(orders) + ")") == 2);
		fulfil(orders.get(1), "COMPLETE");
		await().atMost(Duration.ofSeconds(60))
			.until(() -> number("SELECT COUNT(*) FROM orders WHERE status IN ('COMPLETED', 'CANCELLED') AND id IN ("
					+ join(orders) + ")") == 2);
		assertThat(number("SELECT COALESCE(SUM(sold), 0) FROM product_stock")).isPositive();
		return orders;
	}

	private static void fulfil(long order, String action) {
		Api.Response answer = api.post("/api/admin/orders/" + order + "/fulfilment", admin,
				Map.of("action", action, "reason", "test"));
		assertThat(answer.status()).as(answer.text()).isEqualTo(202);
	}

	/** Units of a product in orders whose status is as given. */
	private static long unitsOf(long product, String status) {
		return number("SELECT COALESCE(SUM(i.quantity), 0) FROM order_items i JOIN orders o ON o.id = i.order_id "
				+ "WHERE i.product_id = ? AND o.status " + status, product);
	}

	/** The order id, or {@code null} when the shop refused it (sold out, limits). */
	private static Long place(Shop.User buyer, long product, int quantity) {
		Api.Response answer = api.post("/api/orders", buyer.token(), Map.of("productId", product, "quantity", quantity),
				"Idempotency-Key", Shop.idempotencyKey());
		return (answer.status() == 202) ? Long.parseLong(answer.json().get("orderId").asString()) : null;
	}

	/** No reservation left unclaimed and no return still owed to Redis. */
	private static void awaitSettled() {
		RedisCommands<String, String> redis = redisConnection.sync();
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			for (long id : CATALOGUE.keySet()) {
				assertThat(redis.hlen(RedisKeys.reservations(id))).as("reservations of product %d", id).isZero();
			}
			assertThat(number("SELECT COUNT(*) FROM stock_log WHERE redis_applied = FALSE")).isZero();
		});
	}

	private static List<Long> stock(long product) {
		try (Connection db = mysql();
				PreparedStatement query = db.prepareStatement(
						"SELECT total, available, locked, sold FROM product_stock WHERE product_id = ?")) {
			query.setLong(1, product);
			try (ResultSet row = query.executeQuery()) {
				assertThat(row.next()).isTrue();
				return List.of(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static long number(String sql, Object... arguments) {
		try (Connection db = mysql(); PreparedStatement query = db.prepareStatement(sql)) {
			for (int i = 0; i < arguments.length; i++) {
				query.setObject(i + 1, arguments[i]);
			}
			try (ResultSet row = query.executeQuery()) {
				row.next();
				return row.getLong(1);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String join(Iterable<Long> ids) {
		return String.join(",",
				java.util.stream.StreamSupport.stream(ids.spliterator(), false).map(String::valueOf).toList());
	}

	private static Connection mysql() throws SQLException {
		return DriverManager.getConnection(environment.get("SPRING_DATASOURCE_URL"),
				environment.get("SPRING_DATASOURCE_USERNAME"), environment.get("SPRING_DATASOURCE_PASSWORD"));
	}

	private static ServiceProcess start(String module, String heap) {
		Map<String, String> env = new HashMap<>(environment);
		int port = Ports.free();
		env.put("SERVER_PORT", Integer.toString(port));
		return ServiceProcess.start(module + "-demo", ExtraApi.jar(module), env, List.of(heap), port,
				ExtraApi.log(module + "-demo-reset"));
	}

}
