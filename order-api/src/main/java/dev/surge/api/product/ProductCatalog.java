package dev.surge.api.product;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.surge.api.system.Blocking;
import dev.surge.contracts.RedisKeys;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Service;

/**
 * Products with their stock as MySQL and the Redis gate see it. The details come through
 * the {@link ProductCache}; the stock columns always from MySQL and the sellable units
 * from the gate.
 */
@Service
public class ProductCatalog {

	private final Products products;

	private final ProductCache cache;

	private final ReactiveStringRedisTemplate redis;

	private final Blocking blocking;

	ProductCatalog(Products products, ProductCache cache, ReactiveStringRedisTemplate redis, Blocking blocking) {
		this.products = products;
		this.cache = cache;
		this.redis = redis;
		this.blocking = blocking;
	}

	public Mono<Boolean> exists(long productId) {
		return details(productId).map(Optional::isPresent);
	}

	Flux<Product> findAll() {
		return this.cache.catalogue(this.products::findAllDetails)
			.zipWith(this.blocking.call(this.products::stock))
			.flatMapMany((both) -> Flux.fromIterable(withStock(both.getT1(), both.getT2())))
			.concatMap(this::withSellable);
	}

	Mono<Product> findById(long id) {
		return details(id).flatMap((details) -> details.map(this::withStock).orElse(Mono.empty()))
			.flatMap(this::withSellable);
	}

	/**
	 * MySQL first, then the Redis gate: the product is sellable only once both are
	 * written. Then the cache forgets what it knew of the id (an {@code absent} entry)
	 * and the catalogue.
	 */
	Mono<Product> create(NewProduct product, String operator) {
		return this.blocking.call(() -> this.products.create(product, operator))
			.flatMap((id) -> this.redis.opsForValue()
				.set(RedisKeys.stock(id), Integer.toString(product.initialStock()))
				.then(this.cache.invalidate(id))
				.then(findById(id)));
	}

	/** Open orders in MySQL, or reservations still in flight in Redis. */
	Mono<Boolean> hasOpenOrders(long productId) {
		return this.blocking.call(() -> this.products.hasOpenOrders(productId))
			.zipWith(this.redis.opsForHash().size(RedisKeys.reservations(productId)),
					(open, reserved) -> open || reserved > 0);
	}

	private Mono<Optional<ProductDetails>> details(long id) {
		return this.cache.product(id, () -> this.products.findDetails(id));
	}

	private Mono<Product> withStock(ProductDetails details) {
		return this.blocking.call(() -> this.products.stock(details.id()))
			.flatMap((stock) -> Mono.justOrEmpty(stock.map(details::with)));
	}

	/** Products of the (cached) catalogue that have a stock row, in catalogue order. */
	static List<Product> withStock(List<ProductDetails> catalogue, Map<Long, StockColumns> stock) {
		return catalogue.stream()
			.filter((details) -> stock.containsKey(details.id()))
			.map((details) -> details.with(stock.get(details.id())))
			.toList();
	}

	private Mono<Product> withSellable(Product product) {
		return this.redis.opsForValue()
			.get(RedisKeys.stock(product.id()))
			.map((units) -> product.withSellable(Long.parseLong(units)))
			.defaultIfEmpty(product)
			.onErrorReturn(product);
	}

}
