package dev.surge.api.product;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.surge.api.system.Blocking;
import dev.surge.contracts.RedisKeys;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Service;

/**
 * Products with their stock as MySQL and the Redis gate see it.
 */
@Service
public class ProductCatalog {

	private final Products products;

	private final ReactiveStringRedisTemplate redis;

	private final Blocking blocking;

	ProductCatalog(Products products, ReactiveStringRedisTemplate redis, Blocking blocking) {
		this.products = products;
		this.redis = redis;
		this.blocking = blocking;
	}

	public Mono<Boolean> exists(long productId) {
		return this.blocking.call(() -> this.products.exists(productId));
	}

	Flux<Product> findAll() {
		return this.blocking.call(this.products::findAll).flatMapMany(Flux::fromIterable).concatMap(this::withSellable);
	}

	Mono<Product> findById(long id) {
		return this.blocking.call(() -> this.products.findById(id))
			.flatMap((product) -> product.map(this::withSellable).orElse(Mono.empty()));
	}

	/**
	 * MySQL first, then the Redis gate: the product is sellable only once both are
	 * written.
	 */
	Mono<Product> create(NewProduct product, String operator) {
		return this.blocking.call(() -> this.products.create(product, operator))
			.flatMap((id) -> this.redis.opsForValue()
				.set(RedisKeys.stock(id), Integer.toString(product.initialStock()))
				.then(findById(id)));
	}

	/** Open orders in MySQL, or reservations still in flight in Redis. */
	Mono<Boolean> hasOpenOrders(long productId) {
		return this.blocking.call(() -> this.products.hasOpenOrders(productId))
			.zipWith(this.redis.opsForHash().size(RedisKeys.reservations(productId)),
					(open, reserved) -> open || reserved > 0);
	}

	private Mono<Product> withSellable(Product product) {
		return this.redis.opsForValue()
			.get(RedisKeys.stock(product.id()))
			.map((units) -> product.withSellable(Long.parseLong(units)))
			.defaultIfEmpty(product)
			.onErrorReturn(product);
	}

}
