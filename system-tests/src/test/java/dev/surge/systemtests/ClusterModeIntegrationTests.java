package dev.surge.systemtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import dev.surge.contracts.RedisKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Surge in its production topology ({@link ClusterSystem}), started and stopped by this
 * class (not the shared {@link SurgeSystem}): a KRaft controller and three brokers
 * (replication factor 3, {@code min.insync.replicas=2}), a three-master Redis Cluster
 * with a password, MariaDB, two order-consumer and two order-api processes. Clients
 * alternate between the two APIs directly (what the devstack balancer does per
 * connection).
 * <p>
 * Runs first ({@code @Order(1)}), so that it never shares the machine with the
 * single-node system of the other classes.
 */
@Order(1)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterModeIntegrationTests {

	private ClusterSystem system;

	private ClusterShop shop;

	private ClusterStores stores;

	@BeforeAll
	void startTheCluster() {
		long began = System.nanoTime();
		this.system = ClusterSystem.start();
		this.shop = new ClusterShop(this.system);
		this.stores = new ClusterStores(this.system);
		System.out.printf("cluster system ready in %.1f s%n", (System.nanoTime() - began) / 1e9);
	}

	@AfterAll
	void stopTheCluster() {
		if (this.system != null) {
			this.system.close();
		}
	}

	@Test
	@Order(1)
	void multiItemOrdersSpanProductsOnEveryMasterWithoutCrossSlotErrors() throws Exception {
		List<Long> products = this.shop.productsOnEveryMaster(20);
		assertThat(products.stream().map(this.shop::masterOf).distinct()).as("masters of %s", products).hasSize(3);
		Shop.User buyer = this.shop.customers(1).get(0);
		List<Long> accepted = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			Api.Response answer = this.shop.order(this.system.apis().get(i % 2), buyer, products, 2);
			assertThat(answer.status()).as(answer.text()).isEqualTo(202);
			accepted.add(Long.parseLong(answer.json().get("orderId").asString()));
		}
		// 12 of 20 units gone on every product; items are reserved by product id, so the
		// last one cannot have 9 after the two others were reserved on their masters:
		// those are released again
		List<Long> byId = products.stream().sorted().toList();
		Api.Response refused = this.shop.order(this.system.apis().get(0), buyer, byId, List.of(1, 1, 9));
		assertThat(refused.status()).as(refused.text()).isEqualTo(409);
		assertThat(refused.json().get("productId").asLong()).isEqualTo(byId.get(2));
		this.stores.awaitAccepted(accepted);
		this.stores.awaitDrained(products);
		for (long product : products) {
			assertThat(this.stores.stock(product)).isEqualTo(new Stores.StockRow(20, 8, 12, 0));
			assertThat(this.stores.redisStock(product)).as("Redis stock of %d", product).isEqualTo(8);
			assertThat(this.stores.stockLogRows(product, "PRELOCK", accepted)).isEqualTo(6);
		}
		// the stock view reads every product's Redis key at once (MGET across slots)
		Api.Response levels = this.system.apis()
			.get(1)
			.get("/api/admin/inventory/low-stock?threshold=1000000", this.shop.adminToken());
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
			assertThat(this.system.apis().get(0).get("/api/products/" + product, null).status()).isEqualTo(200);
			assertThat(this.system.redis().exists(RedisKeys.productDetails(product))).isEqualTo(1);
		}
		assertThat(this.system.apis().get(1).get("/api/products", null).status()).isEqualTo(200);
		assertThat(this.system.redis().exists(RedisKeys.catalogue())).isEqualTo(1);
		this.system.assertStockSyncCheckClean();
	}

	@Test
	@Order(2)
	void ordersThroughEitherApiAreLiveEventsOnBoth() throws Exception {
		long product = this.shop.createProduct(10);
		Shop.User buyer = this.shop.customers(1).get(0);
		try (EventStream first = new EventStream(this.system.apis().get(0), buyer.token(), Duration.ofSeconds(60));
				EventStream second = new EventStream(this.system.apis().get(1), buyer.token(),
						Duration.ofSeconds(60))) {
			first.awaitConnected();
			second.awaitConnected();
			List<Long> orders = new ArrayList<>();
			for (Api api : this.system.apis()) {
				Api.Response answer = this.shop.order(api, buyer, List.of(product), 1);
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
		List<Long> products = this.shop.productsOnEveryMaster(400);
		List<Long> extra = List.of(this.shop.createProduct(400), this.shop.createProduct(400),
				this.shop.createProduct(400));
		List<Long> all = new ArrayList<>(products);
		all.addAll(extra);
		try (ClusterBurst burst = new ClusterBurst(this.system.apis(), this.shop.customers(32), all, 2500)) {
			burst.awaitAnswers(500);
			this.system.consumer(0).kill();
			burst.awaitAnswers(1000);
			int beforeBrokerKill = burst.accepted().size();
			this.system.servers().stopKafkaBroker(2, true);
			burst.awaitEnd();
			System.out
				.println("cluster burst: " + burst + ", accepted before the broker was killed " + beforeBrokerKill);
			assertThat(burst.accepted()).as("orders accepted after the broker was killed")
				.hasSizeGreaterThan(beforeBrokerKill + 100);
			assertThat(burst.accepted()).as("accepted of %s", burst).hasSizeGreaterThan(500);
			assertThat(burst.count(202, 0) + burst.count(202, 1)).isEqualTo(burst.accepted().size());
			assertThat(burst.count(202, 0)).as("accepted through the first API").isPositive();
			assertThat(burst.count(202, 1)).as("accepted through the second API").isPositive();

			this.stores.awaitAccepted(burst.accepted().keySet());
			this.stores.awaitDrained(all);
			Map<Long, List<Long>> lines = burst.accepted();
			assertThat(this.stores.count("SELECT COUNT(*) FROM orders WHERE id IN (%s)", lines.keySet()))
				.as("accepted orders in MySQL, once each")
				.isEqualTo(lines.size());
			assertThat(this.stores.count("SELECT COUNT(*) FROM orders WHERE id IN (%s) AND status <> 'PENDING_PAYMENT'",
					lines.keySet()))
				.as("accepted orders not PENDING_PAYMENT")
				.isZero();
			long acceptedLines = lines.values().stream().mapToLong(List::size).sum();
			assertThat(this.stores.count(
					"SELECT COUNT(*) FROM stock_log WHERE change_type = 'PRELOCK' AND order_id IN (%s)",
					lines.keySet()))
				.as("PRELOCK rows of the accepted orders")
				.isEqualTo(acceptedLines);
			long inMysql = this.stores.ordersOf(all);
			assertThat(inMysql).as("orders of the burst's products in MySQL")
				.isBetween((long) lines.size(), (long) lines.size() + burst.unsure());
			for (long product : all) {
				long units = lines.values().stream().flatMap(List::stream).filter((p) -> p == product).count();
				Stores.StockRow row = this.stores.stock(product);
				assertThat(row.locked()).as("locked units of %d", product).isEqualTo(units);
				assertThat(row.total()).isEqualTo(row.available() + row.locked() + row.sold());
				assertThat(row.available()).isNotNegative();
				assertThat(this.stores.redisStock(product)).as("Redis stock of %d", product)
					.isEqualTo(row.available() - this.stores.reservedUnits(product));
			}
			this.system.assertStockSyncCheckClean();
		}
		finally {
			this.system.servers().startKafkaBroker(2);
		}
	}

}
