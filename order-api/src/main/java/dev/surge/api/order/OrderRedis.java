package dev.surge.api.order;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import io.github.resilience4j.timelimiter.TimeLimiter;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.api.StatefulRedisConnection;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import dev.surge.contracts.LuaScript;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * The order path's own Redis connection (standalone or Cluster, with the client, options
 * and command timeout Spring Boot configured), used through Lettuce's async API. Spring
 * Data's reactive template wraps every command in a connection object and a resource
 * scope of its own, which cost more than the command; and on a connection of its own the
 * order path does not queue behind the sweeper and the product cache. Connected on first
 * use, off the event loop; Lettuce reconnects by itself after that.
 */
@Component
class OrderRedis implements DisposableBean {

	private final LettuceConnectionFactory factory;

	private final TimeLimits timeLimits;

	private volatile @Nullable RedisClusterAsyncCommands<String, String> commands;

	private @Nullable StatefulConnection<String, String> connection;

	OrderRedis(LettuceConnectionFactory factory, TimeLimits timeLimits) {
		this.factory = factory;
		this.timeLimits = timeLimits;
	}

	/** Runs a command; {@code command} gets the connection's async commands. */
	<T> Mono<T> call(Function<RedisClusterAsyncCommands<String, String>, CompletionStage<T>> command) {
		return with((redis) -> Mono.fromCompletionStage(() -> command.apply(redis)));
	}

	/** Runs a command within a time limiter. */
	<T> Mono<T> call(Function<RedisClusterAsyncCommands<String, String>, CompletionStage<T>> command,
			TimeLimiter limiter) {
		return with((redis) -> this.timeLimits.bound(limiter, () -> command.apply(redis)));
	}

	/**
	 * The command that runs a script by its SHA-1, loading it with EVAL when Redis does
	 * not know it (after a restart or a failover).
	 */
	static <T> Function<RedisClusterAsyncCommands<String, String>, CompletionStage<T>> script(LuaScript script,
			ScriptOutputType type, List<String> keys, List<String> args) {
		String[] keyArray = keys.toArray(String[]::new);
		String[] argArray = args.toArray(String[]::new);
		return (redis) -> script.run(redis, type, keyArray, argArray);
	}

	private <T> Mono<T> with(Function<RedisClusterAsyncCommands<String, String>, Mono<T>> use) {
		RedisClusterAsyncCommands<String, String> ready = this.commands;
		return (ready != null) ? use.apply(ready)
				: Mono.fromCallable(this::connect).subscribeOn(Schedulers.boundedElastic()).flatMap(use);
	}

	private synchronized RedisClusterAsyncCommands<String, String> connect() {
		RedisClusterAsyncCommands<String, String> ready = this.commands;
		if (ready != null) {
			return ready;
		}
		AbstractRedisClient client = this.factory.getRequiredNativeClient();
		if (client instanceof RedisClusterClient cluster) {
			StatefulRedisClusterConnection<String, String> connected = cluster.connect();
			this.connection = connected;
			ready = connected.async();
		}
		else {
			StatefulRedisConnection<String, String> connected = ((RedisClient) client).connect();
			this.connection = connected;
			ready = connected.async();
		}
		this.commands = ready;
		return ready;
	}

	@Override
	public synchronized void destroy() {
		if (this.connection != null) {
			this.connection.close();
		}
	}

}
