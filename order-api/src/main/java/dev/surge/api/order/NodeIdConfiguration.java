package dev.surge.api.order;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Gives each API instance its own node id for {@link OrderIds}, handed out by Redis at
 * start.
 */
@Configuration(proxyBeanMethods = false)
class NodeIdConfiguration {

	private static final Logger log = LoggerFactory.getLogger(NodeIdConfiguration.class);

	@Bean
	OrderIds orderIds(ReactiveStringRedisTemplate redis) {
		// start-up, not a request thread: blocking once is fine here
		Long sequence = redis.opsForValue().increment("surge:api:node-seq").block(Duration.ofSeconds(30));
		long node = Math.floorMod(sequence, 1024);
		log.info("Order id node {}", node);
		return new OrderIds(node, System::currentTimeMillis);
	}

}
