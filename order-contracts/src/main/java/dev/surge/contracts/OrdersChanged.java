package dev.surge.contracts;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * These orders changed state:
 * {@code {"type":"ORDER","orders":[{"orderId":..,"userId":..,"from":"..","status":"..","reason":..,"operator":".."}]}}.
 *
 * @param orders one entry per order, with the state it reached
 */
public record OrdersChanged(List<OrderChange> orders) implements ChangeNotice {

	public OrdersChanged {
		orders = List.copyOf(orders);
	}

	/**
	 * One order's state change.
	 *
	 * @param orderId the order
	 * @param userId its owner, so a live view can route the notice to them
	 * @param from the state before, {@code null} if unknown
	 * @param status the state it reached, e.g. {@code PENDING_PAYMENT} or
	 * {@code CANCELLED}
	 * @param reason why, e.g. {@code PAYMENT_TIMEOUT}, {@code OUT_OF_STOCK}, may be null
	 * @param operator who did it: a username or {@code system}
	 */
	public record OrderChange(long orderId, long userId, @Nullable String from, String status, @Nullable String reason,
			String operator) {

	}

}
