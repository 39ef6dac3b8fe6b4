package dev.surge.consumer.order;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.surge.consumer.system.ChangeNotices;
import dev.surge.contracts.OrderAction;
import dev.surge.contracts.OrderStatus;

import org.springframework.stereotype.Component;

/**
 * What the product administration needs to know of, and do to, the orders that are still
 * open ({@link OrderStatus#OPEN}).
 */
@Component
public class OpenOrders {

	private final Orders orders;

	private final OrderLifecycle lifecycle;

	private final ChangeNotices notices;

	OpenOrders(Orders orders, OrderLifecycle lifecycle, ChangeNotices notices) {
		this.orders = orders;
		this.lifecycle = lifecycle;
		this.notices = notices;
	}

	/** Whether an open order references the product. */
	public boolean reference(long productId) {
		return this.orders.hasOpenOrders(productId);
	}

	/**
	 * Cancels every open order (reason ADMIN) through the normal guarded transition, each
	 * in its own transaction: locked units are released, sold ones returned.
	 * @return how many orders this call cancelled
	 */
	public int cancelAll(String operator, String text) {
		int cancelled = 0;
		Set<Long> seen = new HashSet<>();
		List<Long> open;
		while (!(open = this.orders.open(PaymentExpiry.BATCH)).isEmpty() && seen.addAll(open)) {
			Changes changes = new Changes();
			try {
				for (long orderId : open) {
					changes.add(
							this.lifecycle.apply(OrderCommand.system(orderId, OrderAction.DEMO_RESET, operator, text)));
				}
			}
			finally {
				changes.publish(this.notices);
			}
			cancelled += changes.size();
		}
		return cancelled;
	}

}
