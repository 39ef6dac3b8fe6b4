package dev.surge.consumer.stock;

import org.jspecify.annotations.Nullable;

/**
 * What running return-once.lua for one {@link PendingReturn} came to, and whether its
 * {@code stock_log} row can be marked applied. The script's codes are mapped here and
 * nowhere else.
 */
enum ReturnResult {

	/** Redis took the units now. */
	APPLIED(true),

	/**
	 * The marker was already set: an earlier attempt (or another consumer) applied it.
	 */
	ALREADY_APPLIED(true),

	/**
	 * Redis holds no stock key for the product: nothing to return to; a later
	 * {@code stock-sync load} sets it from MySQL, which already counts the units.
	 */
	NOT_LOADED(true),

	/** Nothing to apply (a zero adjustment). */
	NOTHING(true),

	/** Redis failed or answered something unexpected: the row stays pending, retried. */
	FAILED(false);

	private final boolean markApplied;

	ReturnResult(boolean markApplied) {
		this.markApplied = markApplied;
	}

	boolean markApplied() {
		return this.markApplied;
	}

	static ReturnResult of(@Nullable Long code) {
		if (code == null) {
			return FAILED;
		}
		return switch (code.intValue()) {
			case 1 -> APPLIED;
			case 0 -> ALREADY_APPLIED;
			case -1 -> NOT_LOADED;
			default -> FAILED;
		};
	}

}
