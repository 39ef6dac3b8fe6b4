package dev.surge.contracts;

import java.util.List;

/**
 * The API reserved the stock of every line in Redis and accepted the order.
 *
 * @param orderId time-sortable 64-bit id made by the API
 * @param orderNo the number shown to users
 * @param userId the customer
 * @param items lines sorted by product id, one per product
 * @param placedAt epoch millis when the API accepted it
 */
public record OrderPlaced(long orderId, String orderNo, long userId, List<OrderLine> items,
		long placedAt) implements OrderEvent {

	public OrderPlaced {
		items = List.copyOf(items);
	}

}
