package dev.surge.consumer.stock;

import dev.surge.contracts.RedisKeys;
import org.jspecify.annotations.Nullable;

/**
 * A committed {@code stock_log} row that gives units back to sale and is not yet in Redis
 * ({@code redis_applied = FALSE}).
 *
 * @param logId the row
 * @param productId the product
 * @param orderId the order that returned them, {@code null} for a restock or adjustment
 * @param changeType RELEASE, REFUND_RETURN, RESTOCK or ADJUST
 * @param units the change of MySQL {@code available}, which Redis follows (negative for
 * an adjustment down)
 */
public record PendingReturn(long logId, long productId, @Nullable Long orderId, String changeType, long units) {

	/**
	 * The marker that makes this return apply once: per order and kind for an
	 * order-driven row (the row is unique on them), per log row otherwise.
	 */
	String marker() {
		return (this.orderId != null) ? RedisKeys.returnMarker(this.productId, this.orderId, this.changeType)
				: RedisKeys.logReturnMarker(this.productId, this.logId, this.changeType);
	}

}
