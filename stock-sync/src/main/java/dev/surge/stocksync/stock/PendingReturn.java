package dev.surge.stocksync.stock;

import dev.surge.contracts.RedisKeys;
import org.jspecify.annotations.Nullable;

/**
 * A committed {@code stock_log} row with {@code redis_applied = FALSE}: units MySQL gave
 * back (or took, for an adjustment down) that Redis may not have yet. The consumer
 * applies it under the same marker.
 *
 * @param logId the row
 * @param productId the product
 * @param orderId the order, {@code null} for a restock or adjustment
 * @param changeType the row's change type
 * @param units change of {@code available}
 */
record PendingReturn(long logId, long productId, @Nullable Long orderId, String changeType, long units) {

	/** The consumer's marker: per order and kind, else per log row. */
	String marker() {
		return (this.orderId != null) ? RedisKeys.returnMarker(this.productId, this.orderId, this.changeType)
				: RedisKeys.logReturnMarker(this.productId, this.logId, this.changeType);
	}

}
