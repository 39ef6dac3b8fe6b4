package dev.surge.contracts;

/**
 * Redis keys. All keys of one product share the hash tag {@code {p<id>}}, so every script
 * runs on one slot of a Redis Cluster.
 */
public final class RedisKeys {

	/** The catalogue's keys share a slot of their own. */
	private static final String CATALOGUE_TAG = "{list}";

	private RedisKeys() {
	}

	/**
	 * Hash of the latest full {@code stock-sync reconcile}: {@code products},
	 * {@code drifting} (left drifting), {@code fixed} and {@code at} (epoch millis).
	 */
	public static String lastReconcile() {
		return "surge:reconcile:last";
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

	/**
	 * An order the API accepted and MySQL does not hold yet (its {@code OrderPlaced} as
	 * JSON), so that it can be read by id in between. The consumer deletes it once the
	 * order is settled; a TTL is the safety net.
	 */
	public static String inFlight(long orderId) {
		return "inflight:" + orderId;
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

	/**
	 * Cached details of one product (JSON, or {@code absent} for a product MySQL does not
	 * hold), with a TTL. Derived data: deleting it is always safe.
	 */
	public static String productDetails(long productId) {
		return "product:" + tag(productId);
	}

	/**
	 * Generation of a product's cached details: raised by every invalidation, so a reader
	 * that loaded the details before it cannot store them after it.
	 */
	public static String productGeneration(long productId) {
		return "product:" + tag(productId) + ":gen";
	}

	/** Cached details of every product on sale (a JSON array), with a TTL. */
	public static String catalogue() {
		return "products:" + CATALOGUE_TAG;
	}

	/** Generation of the cached catalogue, as {@link #productGeneration(long)}. */
	public static String catalogueGeneration() {
		return "products:" + CATALOGUE_TAG + ":gen";
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
