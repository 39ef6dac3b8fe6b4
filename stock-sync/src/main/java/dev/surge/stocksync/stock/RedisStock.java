package dev.surge.stocksync.stock;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.surge.contracts.LuaScript;
import dev.surge.contracts.RedisKeys;
import dev.surge.contracts.Scripts;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import org.jspecify.annotations.Nullable;

/**
 * The gate's view of one product in Redis: {@code stock:{p}} and {@code resv:{p}}.
 */
final class RedisStock {

	private static final LuaScript LOAD = Scripts.LOAD.script();

	private static final LuaScript READ = withDigest("scripts/reconcile-read.lua");

	private static final LuaScript SET = withDigest("scripts/reconcile-set.lua");

	private final RedisClusterCommands<String, String> redis;

	RedisStock(RedisClusterCommands<String, String> redis) {
		this.redis = redis;
	}

	/** Runs load.lua: stock = available − Σ unclaimed reservations, atomically. */
	long load(long productId, long mysqlAvailable) {
		Long stock = LOAD.run(this.redis, ScriptOutputType.INTEGER, keys(productId), Long.toString(mysqlAvailable));
		return (stock != null) ? stock : 0;
	}

	/** reconcile-read.lua: stock, reservations and their digest, atomically. */
	GateSnapshot snapshot(long productId) {
		List<Object> answer = READ.run(this.redis, ScriptOutputType.MULTI, keys(productId));
		Object stock = answer.get(0);
		@SuppressWarnings("unchecked")
		List<Object> flat = (List<Object>) answer.get(2);
		Map<String, String> reservations = new LinkedHashMap<>();
		for (int i = 0; i + 1 < flat.size(); i += 2) {
			reservations.put(flat.get(i).toString(), flat.get(i + 1).toString());
		}
		return new GateSnapshot((stock instanceof String text) ? Long.valueOf(text) : null, answer.get(1).toString(),
				reservations);
	}

	/**
	 * reconcile-set.lua: if stock and reservations are still as in {@code snapshot}, the
	 * target (base minus the returns Redis has not applied), written when {@code write}.
	 * @return the target, or {@code null} when the gate changed since the snapshot
	 */
	@Nullable Long compareAndSet(long productId, GateSnapshot snapshot, long base, List<PendingReturn> pending, boolean write) {
		List<String> keys = new ArrayList<>(List.of(keys(productId)));
		List<String> args = new ArrayList<>(List.of((snapshot.stock() != null) ? snapshot.stock().toString() : "",
				snapshot.digest(), Long.toString(base), write ? "1" : "0"));
		for (PendingReturn row : pending) {
			keys.add(row.marker());
			args.add(Long.toString(row.units()));
		}
		List<Object> answer = SET.run(this.redis, ScriptOutputType.MULTI, keys.toArray(String[]::new),
				args.toArray(String[]::new));
		return (((Number) answer.get(0)).longValue() == 1) ? ((Number) answer.get(1)).longValue() : null;
	}

	/**
	 * The script with reservations-digest.lua in front, so that the snapshot and the
	 * compare-and-set compute the reservations' digest alike.
	 */
	private static LuaScript withDigest(String path) {
		return new LuaScript(LuaScript.fromClasspath("scripts/reservations-digest.lua").source()
				+ LuaScript.fromClasspath(path).source());
	}

	private static String[] keys(long productId) {
		return new String[] { RedisKeys.stock(productId), RedisKeys.reservations(productId) };
	}

}
