package dev.surge.contracts;

import java.util.List;

/**
 * These orders reached {@code status}:
 * {@code {"type":"ORDER","orderIds":[..],"status":".."}}.
 *
 * @param orderIds the orders
 * @param status their new status, e.g. {@code PENDING_PAYMENT} or {@code REJECTED}
 */
public record OrdersChanged(List<Long> orderIds, String status) implements ChangeNotice {

	public OrdersChanged {
		orderIds = List.copyOf(orderIds);
	}

}
