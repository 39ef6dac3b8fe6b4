package dev.surge.consumer.order;

import dev.surge.contracts.OrderStatus;

import org.springframework.stereotype.Component;

/**
 * What the product administration needs to know of, and do to, the orders.
 */
@Component
public class OrderBook {

	private final Orders orders;

	OrderBook(Orders orders) {
		this.orders = orders;
	}

	/** Whether an open order ({@link OrderStatus#OPEN}) references the product. */
	public boolean hasOpenOrders(long productId) {
		return this.orders.hasOpenOrders(productId);
	}

	/**
	 * Deletes every order with its items, payments and status log, inside the caller's
	 * transaction. Their ids are kept as abandoned, so that a late or replayed
	 * {@code OrderPlaced} of one is never written again.
	 * @return how many orders were deleted
	 */
	public int eraseAll() {
		return this.orders.eraseAll();
	}

}
