package dev.surge.consumer.stock;

/**
 * What happens to one Redis reservation after the MySQL transaction committed.
 *
 * @param orderId the order holding the reservation
 * @param productId the product
 * @param kind claim it or release it
 */
public record Settlement(long orderId, long productId, Kind kind) {

	public static Settlement claim(long orderId, long productId) {
		return new Settlement(orderId, productId, Kind.CLAIM);
	}

	public static Settlement release(long orderId, long productId) {
		return new Settlement(orderId, productId, Kind.RELEASE);
	}

	/**
	 * How a reservation is settled.
	 */
	public enum Kind {

		/** MySQL locked the units: drop the reservation, the Redis stock stays down. */
		CLAIM,

		/**
		 * MySQL did not take the units: give them back to the Redis stock (release.lua).
		 */
		RELEASE

	}

}
