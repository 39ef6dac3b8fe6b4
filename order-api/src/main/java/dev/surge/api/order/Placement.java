package dev.surge.api.order;

import java.util.List;

/**
 * The outcome of {@code POST /api/orders}: accepted, or refused for a reason the client
 * can act on.
 */
sealed interface Placement {

	/** Reserved in Redis and acknowledged by Kafka. */
	record Accepted(long orderId, String orderNo) implements Placement {
	}

	/** Every line that is short, in product order; never empty. */
	record OutOfStock(List<Shortage> shortages) implements Placement {

		public OutOfStock {
			shortages = List.copyOf(shortages);
		}

	}

	/** One short line: the units asked for and those left. */
	record Shortage(long productId, int requested, long available) {
	}

	record UnknownProduct(long productId) implements Placement {
	}

	/**
	 * The stock key is missing (Redis restarted empty): 503 until
	 * {@code stock-sync load}.
	 */
	record StockNotLoaded(long productId) implements Placement {
	}

	/**
	 * Kafka did not confirm the order in time: the broker may have written it. Its
	 * reservation stays for the consumer or the sweeper to settle.
	 */
	record Unconfirmed(long orderId, String orderNo) implements Placement {
	}

	/** Redis or Kafka failed; nothing stays reserved. */
	record Unavailable(String reason) implements Placement {
	}

	/** The same Idempotency-Key came with another body. */
	record KeyReused() implements Placement {
	}

	/** The first request with this Idempotency-Key has not finished yet. */
	record InFlight() implements Placement {
	}

	/** The lines break a rule that bean validation cannot express. */
	record Invalid(String reason) implements Placement {
	}

}
