package dev.surge.systemtests;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.lettuce.core.cluster.SlotHash;

import dev.surge.contracts.RedisKeys;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Object mother of the cluster tests: an admin, customers, products (also one per Redis
 * master) and orders through either API of a {@link ClusterSystem}.
 */
final class ClusterShop {

	private final AtomicInteger names = new AtomicInteger();

	private final ClusterSystem system;

	private final String adminToken;

	ClusterShop(ClusterSystem system) {
		this.system = system;
		String admin = uniqueName("admin");
		this.adminToken = token(insertUsers(List.of(admin), "ADMIN").get(0), admin, "ADMIN");
	}

	String adminToken() {
		return this.adminToken;
	}

	Api.Response order(Api api, Shop.User buyer, List<Long> products, int quantity) {
		return order(api, buyer, products, Collections.nCopies(products.size(), quantity));
	}

	Api.Response order(Api api, Shop.User buyer, List<Long> products, List<Integer> quantities) {
		List<Map<String, Object>> items = new ArrayList<>();
		for (int i = 0; i < products.size(); i++) {
			items.add(Map.of("productId", products.get(i), "quantity", quantities.get(i)));
		}
		return api.post("/api/orders", buyer.token(), Map.of("items", items), "Idempotency-Key",
				UUID.randomUUID().toString());
	}

	long createProduct(int stock) {
		Api.Response created = this.system.apis()
			.get(this.names.get() % 2)
			.post("/api/admin/products", this.adminToken, Map.of("name", uniqueName("Product"), "imageUrl",
					"/img/products/1.svg", "priceCents", 1999, "warningStock", 5, "initialStock", stock));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	/**
	 * Creates products until there is one whose hash slot ({@code stock:{p<id>}}) is
	 * served by each master; returns one per master.
	 */
	List<Long> productsOnEveryMaster(int stock) {
		Map<String, Long> byMaster = new LinkedHashMap<>();
		for (int i = 0; i < 30 && byMaster.size() < 3; i++) {
			long product = createProduct(stock);
			byMaster.putIfAbsent(masterOf(product), product);
		}
		return List.copyOf(byMaster.values());
	}

	String masterOf(long product) {
		int slot = SlotHash.getSlot(RedisKeys.stock(product));
		assertThat(slot).isEqualTo(SlotHash.getSlot(RedisKeys.reservations(product)));
		return this.system.redisClient().getPartitions().getPartitionBySlot(slot).getNodeId();
	}

	List<Shop.User> customers(int count) {
		List<String> names = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			names.add(uniqueName("crowd"));
		}
		return Users.customers(this.system::mysql, ClusterSystem.JWT_SECRET, names, passwordHash());
	}

	private List<Long> insertUsers(List<String> names, String role) {
		return Users.insert(this.system::mysql, names, role, passwordHash());
	}

	private static String passwordHash() {
		return new BCryptPasswordEncoder(4).encode("correct-horse-battery");
	}

	private static String token(long userId, String username, String role) {
		return Users.token(ClusterSystem.JWT_SECRET, userId, username, role);
	}

	private String uniqueName(String prefix) {
		return prefix + "_" + ClusterSystem.RUN + "_" + this.names.incrementAndGet();
	}

}
