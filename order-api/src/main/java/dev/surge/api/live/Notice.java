package dev.surge.api.live;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What a change notice from Kafka says, independent of its wire shape.
 */
sealed interface Notice {

	/**
	 * The stock or the details of these products changed; re-read them.
	 *
	 * @param productIds the products
	 */
	record ProductsMoved(Set<Long> productIds) implements Notice {

		public ProductsMoved {
			productIds = Set.copyOf(productIds);
		}

	}

	/**
	 * These orders changed state.
	 *
	 * @param orders one entry per order
	 */
	record OrdersMoved(List<OrderMove> orders) implements Notice {

		public OrdersMoved {
			orders = List.copyOf(orders);
		}

	}

	/**
	 * A product's available stock crossed below its warning level.
	 *
	 * @param productId the product
	 * @param name its name
	 * @param available MySQL available units
	 * @param warningStock its threshold
	 * @param at epoch millis when it was detected
	 */
	record StockLow(long productId, String name, long available, long warningStock, long at) implements Notice {

	}

	/**
	 * One order's state change.
	 *
	 * @param orderId the order
	 * @param userId its owner ({@code null} in notices from before owners were carried:
	 * then only admins see it)
	 * @param from the state before, if known
	 * @param status the state it reached
	 * @param reason why
	 * @param operator who did it
	 * @param at epoch millis, when the notice was written
	 */
	record OrderMove(long orderId, @Nullable Long userId, @Nullable String from, String status, @Nullable String reason,
			@Nullable String operator, long at) {

	}

	/**
	 * The demo data was reset.
	 *
	 * @param operator the admin who reset it
	 */
	record DemoReset(String operator) implements Notice {

	}

}
