package dev.surge.contracts;

/**
 * Redis keys. All keys of one product share the hash tag {@code {p<id>}}, so every script
 * runs on one slot of a Redis Cluster.
 */
public final class RedisKeys {

	private RedisKeys() {
	}

	/** Units the gate may still sell. */
	public static String stock(long productId) {
		return "stock:" + tag(productId);
	}

	/**
	 * Hash orderId → {@code qty:epochMillis} of reservations not yet claimed by the
	 * consumer.
	 */
	public static String reservations(long productId) {
		return "resv:" + tag(productId);
	}

	/** Marker that makes one stock return to Redis apply once. */
	public static String returnMarker(long productId, long orderId, String kind) {
		return "rel:" + tag(productId) + ":" + orderId + ":" + kind;
	}

	/**
	 * Marker that makes a stock return not driven by an order (restock, adjustment) apply
	 * once: {@code rel:{p42}:log<stockLogId>:<kind>}.
	 */
	public static String logReturnMarker(long productId, long stockLogId, String kind) {
		return "rel:" + tag(productId) + ":log" + stockLogId + ":" + kind;
	}

	/** Parses the product id out of {@code stock:{p42}} or {@code resv:{p42}}. */
	public static long productIdOf(String key) {
		int start = key.indexOf("{p");
		int end = key.indexOf('}', start);
		return Long.parseLong(key.substring(start + 2, end));
	}

	private static String tag(long productId) {
		return "{p" + productId + "}";
	}

}
