package dev.surge.api.live;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.surge.api.admin.LogType;
import dev.surge.api.auth.CurrentUser;

/**
 * One server-sent event: its {@link #name() event name} and the record that is its JSON
 * data.
 */
sealed interface LiveEvent {

	String name();

	/**
	 * Who receives it: stock for everyone, an order for its owner and admins, the rest
	 * for admins.
	 */
	default boolean isVisibleTo(CurrentUser user) {
		return switch (this) {
			case StockUpdate stock -> true;
			case Reset reset -> true;
			case OrderUpdate order -> user.isAdmin() || (order.userId() != null && order.userId() == user.id());
			case Alert alert -> user.isAdmin();
			case LogLine line -> user.isAdmin();
			case Stats stats -> user.isAdmin();
		};
	}

	/**
	 * {@code stock}: a product's stock now.
	 *
	 * @param productId the product
	 * @param total units owned
	 * @param available units neither locked nor sold
	 * @param locked units held by unpaid orders
	 * @param sold units paid for
	 * @param sellable what the Redis gate may still sell
	 */
	record StockUpdate(long productId, long total, long available, long locked, long sold,
			@Nullable Long sellable) implements LiveEvent {

		@Override
		public String name() {
			return "stock";
		}

	}

	/**
	 * {@code order}: an order reached a state.
	 *
	 * @param orderId the order, as a string
	 * @param userId its owner
	 * @param status the state
	 * @param statusReason why
	 */
	record OrderUpdate(String orderId, @Nullable Long userId, String status,
			@Nullable String statusReason) implements LiveEvent {

		@Override
		public String name() {
			return "order";
		}

	}

	/**
	 * {@code alert}: a product ran low.
	 *
	 * @param productId the product
	 * @param name its name
	 * @param available units left
	 * @param warningStock its threshold
	 */
	record Alert(long productId, String name, long available, long warningStock) implements LiveEvent {

		@Override
		public String name() {
			return "alert";
		}

	}

	/**
	 * {@code log}: an order transition, as the operation log shows it.
	 *
	 * @param at when
	 * @param type ORDER or FULFILMENT
	 * @param orderId the order
	 * @param productId always {@code null} for transitions
	 * @param operator who
	 * @param action {@code FROM→TO}
	 * @param reason why
	 */
	record LogLine(Instant at, LogType type, @Nullable String orderId, @Nullable Long productId,
			@Nullable String operator, String action, @Nullable String reason) implements LiveEvent {

		@Override
		public String name() {
			return "log";
		}

	}

	/**
	 * {@code stats}: orders created in one second.
	 *
	 * @param at the second
	 * @param accepted orders not rejected
	 * @param rejected orders rejected
	 */
	record Stats(Instant at, long accepted, long rejected) implements LiveEvent {

		@Override
		public String name() {
			return "stats";
		}

	}

	/**
	 * {@code reset}: the demo data was reset (every order gone, every stock whole):
	 * re-read what is shown.
	 *
	 * @param operator the admin who reset it
	 */
	record Reset(String operator) implements LiveEvent {

		@Override
		public String name() {
			return "reset";
		}

	}

}
