package dev.surge.api.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.github.bucket4j.BandwidthBuilder;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimization;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import dev.surge.api.security.RateLimitProperties.Limit;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Token buckets in Redis (Bucket4j, compare-and-swap through Lettuce), shared by every
 * API instance. When Redis cannot be asked in time the limiter fails open: an outage of
 * the limiter must not become an outage of the shop; the order path has its own breaker.
 */
@Component
public class RateLimits implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(RateLimits.class);

	private static final Duration TIMEOUT = Duration.ofMillis(500);

	private static final String PREFIX = "ratelimit:";

	private static final int MAX_PROXIES = 100_000;

	private static final Duration SYNC_AT_LEAST_EVERY = Duration.ofSeconds(1);

	private final LettuceConnectionFactory redis;

	private final Map<String, AsyncBucketProxy> proxies = new ConcurrentHashMap<>();

	private @Nullable StatefulConnection<String, byte[]> connection;

	private volatile @Nullable AsyncProxyManager<String> buckets;

	RateLimits(LettuceConnectionFactory redis) {
		this.redis = redis;
	}

	/** Takes one token from the bucket. */
	Mono<Verdict> take(String bucket, Limit limit) {
		return ask(bucket, limit, (proxy) -> proxy.tryConsumeAndReturnRemaining(1), (probe) -> probe.isConsumed()
				? Verdict.ALLOWED : new Verdict.Limited(bucket, Duration.ofNanos(probe.getNanosToWaitForRefill())));
	}

	/** Whether the bucket has a token, without taking it. */
	Mono<Verdict> peek(String bucket, Limit limit) {
		return ask(bucket, limit, (proxy) -> proxy.estimateAbilityToConsume(1), (probe) -> probe.canBeConsumed()
				? Verdict.ALLOWED : new Verdict.Limited(bucket, Duration.ofNanos(probe.getNanosToWaitForRefill())));
	}

	/**
	 * Most answers come from the bucket's local share, already complete: those are read
	 * at once, without a timer; only a round trip to Redis is bounded by the timeout.
	 */
	private <T> Mono<Verdict> ask(String bucket, Limit limit, Function<AsyncBucketProxy, CompletableFuture<T>> question,
			Function<T, Verdict> verdict) {
		String key = PREFIX + bucket + ":" + limit.capacity() + "/" + limit.period().toMillis();
		AsyncBucketProxy known = this.proxies.get(key);
		if (known != null) {
			CompletableFuture<T> answer = question.apply(known);
			if (answer.isDone() && !answer.isCompletedExceptionally()) {
				return Mono.just(verdict.apply(answer.join()));
			}
			return bounded(Mono.fromFuture(answer), bucket, verdict);
		}
		return bounded(proxy(key, limit).flatMap((proxy) -> Mono.fromFuture(question.apply(proxy))), bucket, verdict);
	}

	private static <T> Mono<Verdict> bounded(Mono<T> answer, String bucket, Function<T, Verdict> verdict) {
		return answer.timeout(TIMEOUT).map(verdict).onErrorResume((ex) -> failOpen(bucket, ex));
	}

	/** The key names the limit: a changed configuration starts new buckets. */
	private Mono<AsyncBucketProxy> proxy(String key, Limit limit) {
		BucketConfiguration configuration = BucketConfiguration.builder()
			.addLimit(BandwidthBuilder.builder()
				.capacity(limit.capacity())
				.refillGreedy(limit.capacity(), limit.period())
				.build())
			.build();
		return buckets().map((buckets) -> {
			if (this.proxies.size() > MAX_PROXIES) {
				this.proxies.clear();
			}
			return this.proxies.computeIfAbsent(key,
					(name) -> buckets.builder()
						.withOptimization(optimization(limit))
						.build(name, () -> CompletableFuture.completedFuture(configuration)));
		});
	}

	/**
	 * A hot bucket (one IP behind which a crowd buys at once) must not turn into a storm
	 * of compare-and-swap retries that slows Redis for the orders themselves. Large
	 * buckets are therefore drawn from locally and synchronised with Redis every 1% of
	 * their capacity (at most 50 tokens) or every second, whichever comes first, so an
	 * instance may overrun a bucket by that many tokens. The token share bounds the
	 * overrun; the time only bounds how stale a quiet bucket's local copy gets (at 100 ms
	 * a busy customer's bucket was synchronised every other request: two more round trips
	 * on the order's path). Small buckets are exact, with concurrent draws batched into
	 * one round trip.
	 */
	static Optimization optimization(Limit limit) {
		long unsynchronized = Math.min(50, limit.capacity() / 100);
		return (unsynchronized < 1) ? Optimizations.batching()
				: Optimizations.delaying(new DelayParameters(unsynchronized, SYNC_AT_LEAST_EVERY));
	}

	/** Connected once; the first connection is made off the event loop. */
	private Mono<AsyncProxyManager<String>> buckets() {
		AsyncProxyManager<String> ready = this.buckets;
		return (ready != null) ? Mono.just(ready)
				: Mono.fromCallable(this::connect).subscribeOn(Schedulers.boundedElastic());
	}

	private synchronized AsyncProxyManager<String> connect() {
		if (this.buckets == null) {
			RedisCodec<String, byte[]> codec = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
			AbstractRedisClient client = this.redis.getRequiredNativeClient();
			ExpirationAfterWriteStrategy expiry = ExpirationAfterWriteStrategy
				.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10));
			if (client instanceof RedisClusterClient cluster) {
				StatefulRedisClusterConnection<String, byte[]> connected = cluster.connect(codec);
				this.connection = connected;
				this.buckets = Bucket4jLettuce.casBasedBuilder(connected)
					.expirationAfterWrite(expiry)
					.build()
					.asAsync();
			}
			else {
				StatefulRedisConnection<String, byte[]> connected = ((RedisClient) client).connect(codec);
				this.connection = connected;
				this.buckets = Bucket4jLettuce.casBasedBuilder(connected)
					.expirationAfterWrite(expiry)
					.build()
					.asAsync();
			}
		}
		return this.buckets;
	}

	private static Mono<Verdict> failOpen(String bucket, Throwable ex) {
		log.warn("Rate limit {} not checked, letting the request through: {}", bucket, ex.toString());
		return Mono.just(Verdict.ALLOWED);
	}

	@Override
	public synchronized void destroy() {
		if (this.connection != null) {
			this.connection.close();
		}
	}

}
