package dev.surge.systemtests;

import java.time.Duration;
import java.util.Map;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.surge.contracts.RedisKeys;
import dev.surge.contracts.Scripts;

import static dev.surge.systemtests.Shop.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Product details cached in Redis and invalidated on every change (seed 001): the API
 * reads through {@code product:{p<id>}} and {@code products:{list}}, the consumer
 * invalidates after its MySQL commit, a generation per entry keeps a slow reader from
 * storing what it read before an invalidation. Stock stays above every warning level
 * here: a low-stock alert written later would disturb the fuzz run's snapshot.
 */
@Order(65)
class ProductCacheIntegrationTests {

	/** {@code surge.products.cache-ttl} and {@code absent-ttl} by default. */
	private static final long CACHE_TTL_SECONDS = 300;

	private static final long ABSENT_TTL_SECONDS = 30;

	private final RedisCommands<String, String> redis = SurgeSystem.get().redis();

	@Test
	void aReadFillsTheCacheAndAnUpdateInvalidatesIt() {
		long product = Shop.product(50, 1999);
		String key = RedisKeys.productDetails(product);

		Api.Response read = api().get("/api/products/" + product, null);

		assertThat(read.status()).as(read.text()).isEqualTo(200);
		JsonNode cached = Api.JSON.readTree(this.redis.get(key));
		assertThat(cached.get("name").asString()).isEqualTo(read.json().get("name").asString());
		assertThat(cached.get("priceCents").asLong()).isEqualTo(1999);
		assertThat(cached.has("available")).as("stock is not cached").isFalse();
		assertThat(this.redis.ttl(key)).isBetween(1L, CACHE_TTL_SECONDS);

		assertThat(api()
			.put("/api/admin/products/" + product, Shop.admin(),
					Map.of("name", "Cached then renamed", "priceCents", 2500, "warningStock", 2))
			.status()).isEqualTo(202);

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode now = api().get("/api/products/" + product, null).json();
			assertThat(now.get("name").asString()).isEqualTo("Cached then renamed");
			assertThat(now.get("priceCents").asLong()).isEqualTo(2500);
			assertThat(now.get("warningStock").asInt()).isEqualTo(2);
		});
		assertThat(Api.JSON.readTree(this.redis.get(key)).get("name").asString()).isEqualTo("Cached then renamed");
		assertThat(listed(product).get("name").asString()).isEqualTo("Cached then renamed");
	}

	@Test
	void stockIsLiveWhileTheDetailsAreCached() {
		long product = Shop.product(50);
		api().get("/api/products/" + product, null);
		assertThat(this.redis.exists(RedisKeys.productDetails(product))).isEqualTo(1);

		Lifecycle.place(Shop.customer(), product, 2);
		Stores.awaitDrained(product);

		JsonNode read = api().get("/api/products/" + product, null).json();
		assertThat(read.get("available").asLong()).isEqualTo(48);
		assertThat(read.get("locked").asLong()).isEqualTo(2);
		assertThat(read.get("sellable").asLong()).isEqualTo(48);
	}

	@Test
	void aNewProductIsListedAtOnceAndADeletedOneLeavesTheCache() {
		api().get("/api/products", null);
		assertThat(this.redis.exists(RedisKeys.catalogue())).isEqualTo(1);
		long product = Shop.product(50);
		assertThat(listed(product)).as("a new product invalidates the cached catalogue").isNotNull();
		api().get("/api/products/" + product, null);
		assertThat(this.redis.exists(RedisKeys.productDetails(product))).isEqualTo(1);

		assertThat(api().delete("/api/admin/products/" + product, Shop.admin()).status()).isEqualTo(202);

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(api().get("/api/products/" + product, null).status()).isEqualTo(404));
		assertThat(this.redis.get(RedisKeys.productDetails(product))).isEqualTo("absent");
		assertThat(this.redis.ttl(RedisKeys.productDetails(product))).isBetween(1L, ABSENT_TTL_SECONDS);
		assertThat(listed(product)).isNull();
	}

	@Test
	void anUnknownProductIsRememberedAsAbsentOnlyBriefly() {
		long unknown = 9_000_000_000L + System.nanoTime() % 1_000_000;

		assertThat(api().get("/api/products/" + unknown, null).status()).isEqualTo(404);

		assertThat(this.redis.get(RedisKeys.productDetails(unknown))).isEqualTo("absent");
		assertThat(this.redis.ttl(RedisKeys.productDetails(unknown))).isBetween(1L, ABSENT_TTL_SECONDS);
		assertThat(api().get("/api/products/" + unknown, null).status()).isEqualTo(404);
	}

	@Test
	void aReaderThatLoadedBeforeAnInvalidationCannotStoreWhatItLoaded() {
		long product = Shop.product(50);
		String[] keys = { RedisKeys.productDetails(product), RedisKeys.productGeneration(product) };
		String fill = this.redis.scriptLoad(Scripts.CACHE_FILL.source());
		String invalidate = this.redis.scriptLoad(Scripts.INVALIDATE.source());

		// the reader reads the generation, then MySQL (old row); the writer commits and
		// invalidates; the reader's store comes last
		String before = this.redis.get(keys[1]);
		Long generation = this.redis.evalsha(invalidate, ScriptOutputType.INTEGER, keys);
		Long stored = this.redis.evalsha(fill, ScriptOutputType.INTEGER, keys, before, "{\"name\":\"old\"}", "60000");

		assertThat(generation).isEqualTo(Long.parseLong(before) + 1);
		assertThat(stored).isZero();
		assertThat(this.redis.exists(keys[0])).isZero();
		Long fresh = this.redis.evalsha(fill, ScriptOutputType.INTEGER, keys, Long.toString(generation),
				"{\"name\":\"new\"}", "60000");
		assertThat(fresh).isEqualTo(1);
		assertThat(this.redis.get(keys[0])).isEqualTo("{\"name\":\"new\"}");
		this.redis.evalsha(invalidate, ScriptOutputType.INTEGER, keys);
	}

	/** The product as {@code GET /api/products} lists it, or {@code null}. */
	private static JsonNode listed(long product) {
		return api().get("/api/products", null)
			.json()
			.valueStream()
			.filter((p) -> p.get("id").asLong() == product)
			.findFirst()
			.orElse(null);
	}

}
