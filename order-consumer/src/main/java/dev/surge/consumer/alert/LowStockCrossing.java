package dev.surge.consumer.alert;

import dev.surge.contracts.LowStock;
import org.jspecify.annotations.Nullable;

/**
 * Whether a product's stock crossed its warning level since the last check. Low is
 * {@link LowStock#isLow} (available at or below the level); an alert is raised when it
 * becomes low (it was not low before, or it was never checked), not again while it stays
 * low, and once more only after it recovered. Pure, so unit-tested.
 */
enum LowStockCrossing {

	/** It just went below: remember it and raise an alert. */
	RAISE,

	/** It is back at or above the level: remember it, so the next drop alerts again. */
	CLEAR,

	/** Nothing changed. */
	NONE;

	/**
	 * @param available MySQL available units
	 * @param warningStock the product's warning level
	 * @param wasLow what the last check remembered, {@code null} if it never checked
	 */
	static LowStockCrossing of(long available, int warningStock, @Nullable Boolean wasLow) {
		boolean low = LowStock.isLow(available, warningStock);
		boolean before = Boolean.TRUE.equals(wasLow);
		if (low && !before) {
			return RAISE;
		}
		if (!low && before) {
			return CLEAR;
		}
		return NONE;
	}

}
