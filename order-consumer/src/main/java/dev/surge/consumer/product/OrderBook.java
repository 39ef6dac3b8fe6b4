package dev.surge.consumer.product;

import dev.surge.contracts.OrderStatus;

/**
 * What the product administration needs to know of, and do to, the orders; the order
 * module provides it, so that products never depend on orders.
 */
public interface OrderBook {

	/** Whether an open order ({@link OrderStatus#OPEN}) references the product. */
	boolean hasOpenOrders(long productId);

	/**
	 * Deletes every order with its items, payments and status log, inside the caller's
	 * transaction. Their ids are kept as abandoned, so that a late or replayed
	 * {@code OrderPlaced} of one is never written again.
	 * @return how many orders were deleted
	 */
	int eraseAll();

}
