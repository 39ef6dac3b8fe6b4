package dev.surge.api.order;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import dev.surge.contracts.LuaScript;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * This instance's node id for {@link OrderIds}, leased in Redis
 * ({@code surge:api:node:<n>}, one key per node, held with this instance's token and an
 * expiry): two running instances never hold the same node, so their order ids never
 * collide. The lease is renewed every third of its length; if Redis lost it, it is taken
 * back; if another instance took it meanwhile (this one could not renew for a whole
 * lease), this instance moves to a free node before issuing more ids. Stopping gives the
 * node back.
 */
class NodeIdLease implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(NodeIdLease.class);

	private static final int NODES = 1024;

	private static final RedisScript<Long> RENEW = RedisScript
		.of(LuaScript.fromClasspath("scripts/node-lease-renew.lua").source(), Long.class);

	private static final RedisScript<Long> RELEASE = RedisScript
		.of("if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0", Long.class);

	private final ReactiveStringRedisTemplate redis;

	private final Duration lease;

	private final String token = UUID.randomUUID().toString();

	private final OrderIds ids;

	private volatile long node;

	private volatile @Nullable Disposable renewal;

	NodeIdLease(ReactiveStringRedisTemplate redis, Duration lease) {
		this.redis = redis;
		this.lease = lease;
		this.node = acquire();
		this.ids = new OrderIds(this.node, System::currentTimeMillis);
	}

	OrderIds ids() {
		return this.ids;
	}

	/**
	 * A free node, starting from a shared counter so that instances starting together try
	 * different nodes first. Start-up, not a request thread: blocking is fine here.
	 */
	private long acquire() {
		Long start = this.redis.opsForValue().increment("surge:api:node-seq").block(Duration.ofSeconds(30));
		for (int i = 0; i < NODES; i++) {
			long candidate = Math.floorMod(start + i, NODES);
			if (Boolean.TRUE.equals(this.redis.opsForValue()
				.setIfAbsent(key(candidate), this.token, this.lease)
				.block(Duration.ofSeconds(5)))) {
				log.info("Order id node {} leased for {}", candidate, this.lease);
				return candidate;
			}
		}
		throw new IllegalStateException("Every one of the " + NODES + " order id nodes is leased");
	}

	private void renew() {
		Long ours = this.redis
			.execute(RENEW, List.of(key(this.node)), List.of(this.token, Long.toString(this.lease.toMillis())))
			.next()
			.block(Duration.ofSeconds(5));
		if (ours != null && ours == 0L) {
			long lost = this.node;
			this.node = acquire();
			this.ids.renumber(this.node);
			log.error(
					"Order id node {} is held by another instance (this one could not renew it for {}): moved to node {}",
					lost, this.lease, this.node);
		}
	}

	@Override
	public void start() {
		Duration every = this.lease.dividedBy(3);
		// renew() blocks: on a worker, never on a non-blocking Reactor thread
		this.renewal = Flux.interval(every, every, Schedulers.boundedElastic())
			.onBackpressureDrop()
			.subscribe((tick) -> {
				try {
					renew();
				}
				catch (RuntimeException ex) {
					log.warn("Order id node {} not renewed, retrying in {}: {}", this.node, every, ex.toString());
				}
			});
	}

	@Override
	public void stop() {
		Disposable running = this.renewal;
		this.renewal = null;
		if (running != null) {
			running.dispose();
			try {
				// give the node back, if it is still ours
				this.redis.execute(RELEASE, List.of(key(this.node)), List.of(this.token))
					.next()
					.block(Duration.ofSeconds(2));
			}
			catch (RuntimeException ex) {
				log.warn("Order id node {} not given back; its lease runs out in {}: {}", this.node, this.lease,
						ex.toString());
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.renewal != null;
	}

	static String key(long node) {
		return "surge:api:node:" + node;
	}

}
