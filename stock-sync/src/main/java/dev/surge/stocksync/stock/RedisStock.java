package dev.surge.stocksync.stock;

import java.util.List;

import dev.surge.contracts.RedisKeys;
import dev.surge.contracts.Reservations;
import dev.surge.contracts.Scripts;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import org.jspecify.annotations.Nullable;

/**
 * The gate's view of one product in Redis: {@code stock:{p}} and {@code resv:{p}}.
 */
final class RedisStock {

	private final RedisCommands<String, String> redis;

	private @Nullable String loadSha;

	RedisStock(RedisCommands<String, String> redis) {
		this.redis = redis;
	}

	/** Runs load.lua: stock = available − Σ unclaimed reservations, atomically. */
	long load(long productId, long mysqlAvailable) {
		if (this.loadSha == null) {
			this.loadSha = this.redis.scriptLoad(Scripts.LOAD.source());
		}
		Long stock = this.redis.evalsha(this.loadSha, ScriptOutputType.INTEGER, keys(productId),
				Long.toString(mysqlAvailable));
		return (stock != null) ? stock : 0;
	}

	/** Reads the stock key and sums the reservations of one product. */
	Snapshot read(long productId) {
		String stock = this.redis.get(RedisKeys.stock(productId));
		List<String> held = this.redis.hvals(RedisKeys.reservations(productId));
		long reserved = held.stream().mapToLong((value) -> Reservations.parse(value).quantity()).sum();
		return new Snapshot((stock != null) ? Long.valueOf(stock) : null, reserved, held.size());
	}

	private static String[] keys(long productId) {
		return new String[] { RedisKeys.stock(productId), RedisKeys.reservations(productId) };
	}

	/**
	 * What Redis holds for one product.
	 *
	 * @param stock units the gate may sell, {@code null} when not loaded
	 * @param reserved units in unclaimed reservations
	 * @param reservations number of unclaimed reservations
	 */
	record Snapshot(@Nullable Long stock, long reserved, int reservations) {

	}

}
