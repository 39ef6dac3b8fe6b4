package dev.surge.consumer.order;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import dev.surge.consumer.order.OrderLifecycle.Applied;
import dev.surge.consumer.order.OrderLifecycle.Outcome;
import dev.surge.consumer.system.ChangeNotices;
import dev.surge.contracts.OrdersChanged.OrderChange;

/**
 * Collects what the applied commands of a batch (or a sweep) changed, for one compact
 * notice of each kind after the commits.
 */
final class Changes {

	private final List<OrderChange> orders = new ArrayList<>();

	private final SortedSet<Long> products = new TreeSet<>();

	void add(Outcome outcome) {
		if (outcome instanceof Applied applied) {
			this.orders.add(applied.change());
			this.products.addAll(applied.products());
		}
	}

	int size() {
		return this.orders.size();
	}

	void publish(ChangeNotices notices) {
		notices.stockChanged(this.products);
		notices.ordersChanged(this.orders);
	}

}
