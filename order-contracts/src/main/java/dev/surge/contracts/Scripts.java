package dev.surge.contracts;

/**
 * The Lua scripts shared by the services, read from {@code scripts/*.lua}. Callers read
 * them once and run them with {@link LuaScript#run} (EVALSHA).
 */
public enum Scripts {

	/** KEYS stock, resv; ARGV orderId, qty, nowMillis → {code, units}. */
	RESERVE("reserve.lua"),

	/** KEYS stock, resv; ARGV orderId → units returned (0 if nothing was held). */
	RELEASE("release.lua"),

	/**
	 * KEYS stock, marker; ARGV qty, markerTtlSeconds → 1 applied, 0 already applied, -1
	 * stock not loaded.
	 */
	RETURN_ONCE("return-once.lua"),

	/**
	 * KEYS stock, resv; ARGV mysqlAvailable → new stock value: stock = available − Σ
	 * resv.
	 */
	LOAD("load.lua"),

	/**
	 * KEYS cached value, its generation → the new generation: raises the generation and
	 * deletes the value, atomically (product details and catalogue cache).
	 */
	INVALIDATE("invalidate.lua"),

	/**
	 * KEYS cached value, its generation; ARGV generation read before loading (empty if
	 * none), value, ttlMillis → 1 stored, 0 invalidated meanwhile (not stored).
	 */
	CACHE_FILL("cache-fill.lua");

	private final String file;

	Scripts(String file) {
		this.file = file;
	}

	public String source() {
		return script().source();
	}

	/** The script, to run with {@link LuaScript#run}. */
	public LuaScript script() {
		return LuaScript.fromClasspath("scripts/" + this.file);
	}

}
