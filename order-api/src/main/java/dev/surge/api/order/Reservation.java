package dev.surge.api.order;

/**
 * What the Redis gate answered for one line.
 */
sealed interface Reservation {

	/** The units are held for the order (also when a retry finds them already held). */
	record Reserved(long productId, long remaining) implements Reservation {
	}

	/** Fewer units left than asked for; nothing changed. */
	record OutOfStock(long productId, int requested, long available) implements Reservation {
	}

	/** No stock key: the product is unknown or its stock is not loaded. Never a sale. */
	record NotLoaded(long productId) implements Reservation {
	}

}
