package dev.surge.consumer.order;

import dev.surge.consumer.product.OrderBook;

import org.springframework.stereotype.Component;

/**
 * The orders as the product administration sees them ({@link OrderBook}).
 */
@Component
class OrderRecords implements OrderBook {

	private final Orders orders;

	OrderRecords(Orders orders) {
		this.orders = orders;
	}

	@Override
	public boolean hasOpenOrders(long productId) {
		return this.orders.hasOpenOrders(productId);
	}

	@Override
	public int eraseAll() {
		return this.orders.eraseAll();
	}

}
