package dev.surge.consumer.product;

import java.util.Collection;
import java.util.List;

import dev.surge.contracts.RedisKeys;
import dev.surge.contracts.Scripts;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Invalidates the API's cache of product details ({@code product:{p42}} and the catalogue
 * {@code products:{list}}). Called only after the change committed in MySQL:
 * {@code invalidate.lua} raises each entry's generation as it deletes it, so an API
 * instance that read the old row before the commit cannot store it afterwards (see the
 * API's {@code ProductCache}). One script per product, on that product's slot, and one on
 * the catalogue's slot: nothing crosses slots on a Redis Cluster. A failure throws, so
 * the record is retried (every product command is idempotent) and invalidates again.
 */
@Component
class DetailsCache {

	private static final RedisScript<Long> INVALIDATE = RedisScript.of(Scripts.INVALIDATE.source(), Long.class);

	private final StringRedisTemplate redis;

	DetailsCache(StringRedisTemplate redis) {
		this.redis = redis;
	}

	void invalidate(Collection<Long> productIds) {
		if (productIds.isEmpty()) {
			return;
		}
		for (long id : productIds) {
			this.redis.execute(INVALIDATE, List.of(RedisKeys.productDetails(id), RedisKeys.productGeneration(id)));
		}
		this.redis.execute(INVALIDATE, List.of(RedisKeys.catalogue(), RedisKeys.catalogueGeneration()));
	}

}
