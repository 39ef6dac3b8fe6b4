package dev.surge.api.order;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Gives each API instance its own node id for {@link OrderIds}, leased in Redis.
 */
@Configuration(proxyBeanMethods = false)
class NodeIdConfiguration {

	/** How long a node stays this instance's without a renewal. */
	private static final Duration LEASE = Duration.ofSeconds(60);

	@Bean
	NodeIdLease nodeIdLease(ReactiveStringRedisTemplate redis) {
		return new NodeIdLease(redis, LEASE);
	}

	@Bean
	OrderIds orderIds(NodeIdLease lease) {
		return lease.ids();
	}

}
