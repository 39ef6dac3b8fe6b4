package dev.surge.api.product;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import dev.surge.api.system.Blocking;
import dev.surge.contracts.RedisKeys;
import dev.surge.contracts.Scripts;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Read-through cache of product details in Redis: {@code product:{p42}} per product (or
 * {@code absent}, for a short while, for an id MySQL does not hold) and
 * {@code products:{list}} for the catalogue. Stock is never cached.
 * <p>
 * Invalidation is race-safe through a generation per entry. The classic race is a reader
 * that loads the old row, an update that commits and invalidates, and then the reader
 * storing the old row, where it would stay until the TTL. Here a reader reads the
 * generation <em>before</em> MySQL and stores with {@code cache-fill.lua} only if the
 * generation is still the same; a writer commits first, then raises the generation and
 * deletes the value in one step ({@code invalidate.lua}). A reader that saw the old row
 * read MySQL before the commit, hence the generation before the raise: its store either
 * happens before the invalidation (and is deleted by it) or is refused. The TTL remains
 * as a safety net for an invalidation that never ran (Redis down after the commit).
 * <p>
 * Redis failures never fail a read: the details come from MySQL and are not stored.
 */
@Component
class ProductCache {

	private static final Logger logger = LoggerFactory.getLogger(ProductCache.class);

	static final String ABSENT = "absent";

	private static final RedisScript<Long> FILL = RedisScript.of(Scripts.CACHE_FILL.source(), Long.class);

	private static final RedisScript<Long> INVALIDATE = RedisScript.of(Scripts.INVALIDATE.source(), Long.class);

	private final ReactiveStringRedisTemplate redis;

	private final Blocking blocking;

	private final ProductProperties properties;

	private final ObjectReader productReader;

	private final ObjectReader catalogueReader;

	private final ObjectWriter writer;

	ProductCache(ReactiveStringRedisTemplate redis, Blocking blocking, ProductProperties properties, JsonMapper json) {
		this.redis = redis;
		this.blocking = blocking;
		this.properties = properties;
		this.productReader = json.readerFor(ProductDetails.class);
		this.catalogueReader = json.readerForListOf(ProductDetails.class);
		this.writer = json.writer();
	}

	/** The details of one product; {@code load} (blocking) reads MySQL on a miss. */
	Mono<Optional<ProductDetails>> product(long id, Callable<Optional<ProductDetails>> load) {
		Entry<Optional<ProductDetails>> entry = new Entry<>(RedisKeys.productDetails(id),
				RedisKeys.productGeneration(id), this::decodeProduct, this::encodeProduct,
				(details) -> details.isPresent() ? this.properties.cacheTtl().toMillis()
						: this.properties.absentTtl().toMillis());
		return readThrough(entry, load);
	}

	/**
	 * The details of every product on sale; {@code load} (blocking) reads MySQL on a
	 * miss.
	 */
	Mono<List<ProductDetails>> catalogue(Callable<List<ProductDetails>> load) {
		Entry<List<ProductDetails>> entry = new Entry<>(RedisKeys.catalogue(), RedisKeys.catalogueGeneration(),
				this.catalogueReader::readValue, this.writer::writeValueAsString,
				(details) -> this.properties.cacheTtl().toMillis());
		return readThrough(entry, load);
	}

	/**
	 * After a product was created (committed): its entry (maybe {@code absent}) and the
	 * catalogue. The consumer does the same for every other change.
	 */
	Mono<Void> invalidate(long id) {
		return Mono
			.when(this.redis.execute(INVALIDATE,
					List.of(RedisKeys.productDetails(id), RedisKeys.productGeneration(id))),
					this.redis.execute(INVALIDATE, List.of(RedisKeys.catalogue(), RedisKeys.catalogueGeneration())))
			.onErrorResume((ex) -> {
				logger.warn("Could not invalidate the cached details of product {}; they expire within {}: {}", id,
						this.properties.cacheTtl(), ex.toString());
				return Mono.empty();
			});
	}

	private <T> Mono<T> readThrough(Entry<T> entry, Callable<T> load) {
		return lookup(entry).flatMap((lookup) -> switch (lookup) {
			case Lookup.Hit<T> hit -> Mono.just(hit.value());
			case Lookup.Miss<T> miss ->
				this.blocking.call(load).flatMap((value) -> store(entry, miss.generation(), value).thenReturn(value));
			case Lookup.Unavailable<T> unavailable -> this.blocking.call(load);
		});
	}

	/**
	 * The cached value, or else the generation to store under. A value that cannot be
	 * read (written by another version) counts as a miss and is overwritten.
	 */
	private <T> Mono<Lookup<T>> lookup(Entry<T> entry) {
		return this.redis.opsForValue()
			.get(entry.key())
			.flatMap((value) -> decode(entry, value))
			.<Lookup<T>>map(Lookup.Hit::new)
			.switchIfEmpty(Mono.defer(
					() -> this.redis.opsForValue().get(entry.generationKey()).defaultIfEmpty("").map(Lookup.Miss::new)))
			.onErrorResume((ex) -> {
				logger.debug("Product cache unavailable, reading MySQL: {}", ex.toString());
				return Mono.just(new Lookup.Unavailable<>());
			});
	}

	private static <T> Mono<T> decode(Entry<T> entry, String value) {
		return Mono.fromCallable(() -> entry.decode().apply(value)).onErrorResume((ex) -> Mono.empty());
	}

	private <T> Mono<Void> store(Entry<T> entry, String generation, T value) {
		return this.redis
			.execute(FILL, List.of(entry.key(), entry.generationKey()),
					List.of(generation, entry.encode().apply(value), Long.toString(entry.ttlMillis().apply(value))))
			.then()
			.onErrorResume((ex) -> {
				logger.debug("Could not cache {}: {}", entry.key(), ex.toString());
				return Mono.empty();
			});
	}

	private Optional<ProductDetails> decodeProduct(String value) {
		return ABSENT.equals(value) ? Optional.empty() : Optional.of(this.productReader.readValue(value));
	}

	private String encodeProduct(Optional<ProductDetails> details) {
		return details.map(this.writer::writeValueAsString).orElse(ABSENT);
	}

	/** One cache entry: its keys, how its value is written and read back, its TTL. */
	private record Entry<T>(String key, String generationKey, Function<String, T> decode, Function<T, String> encode,
			Function<T, Long> ttlMillis) {
	}

	/** What Redis answered before MySQL was asked. */
	private sealed interface Lookup<T> {

		record Hit<T>(T value) implements Lookup<T> {
		}

		record Miss<T>(String generation) implements Lookup<T> {
		}

		record Unavailable<T>() implements Lookup<T> {
		}

	}

}
