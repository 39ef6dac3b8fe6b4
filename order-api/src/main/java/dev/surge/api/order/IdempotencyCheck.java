package dev.surge.api.order;

/**
 * What the Idempotency-Key record says about a new request.
 */
sealed interface IdempotencyCheck {

	/** First time this key is seen: go ahead. */
	record First() implements IdempotencyCheck {
	}

	/** Same key, same body, finished: answer the same again. */
	record Replay(Placement.Accepted accepted) implements IdempotencyCheck {
	}

	/**
	 * Same key, same body: Kafka did not confirm the earlier request's order in time, so
	 * it may still be placed.
	 */
	record Pending(Placement.Unconfirmed order) implements IdempotencyCheck {
	}

	/** Same key, same body, still running. */
	record Running() implements IdempotencyCheck {
	}

	/** Same key, another body. */
	record Reused() implements IdempotencyCheck {
	}

}
