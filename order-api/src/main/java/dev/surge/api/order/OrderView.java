package dev.surge.api.order;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.surge.contracts.Actor;
import dev.surge.contracts.OrderRules;
import dev.surge.contracts.OrderStatus;
import dev.surge.contracts.UserAction;

/**
 * An order as clients see it. The id is a string: 64-bit integers do not survive
 * JavaScript.
 *
 * @param orderId the order id
 * @param orderNo the number shown to people
 * @param userId the customer
 * @param status the state
 * @param statusReason why it is in that state, where that matters
 * @param totalCents sum of the lines
 * @param createdAt when the API accepted it
 * @param expiresAt when an unpaid order is cancelled
 * @param paidAt when it was paid
 * @param items the lines
 * @param history state changes, oldest first
 * @param actions what the caller may ask of it now: exactly the requests the API accepts
 */
record OrderView(String orderId, String orderNo, long userId, OrderStatus status, @Nullable String statusReason,
		@Nullable Long totalCents, Instant createdAt, @Nullable Instant expiresAt, @Nullable Instant paidAt,
		List<Item> items, List<Transition> history, List<UserAction> actions) {

	OrderView withItems(List<Item> lines) {
		return new OrderView(this.orderId, this.orderNo, this.userId, this.status, this.statusReason, this.totalCents,
				this.createdAt, this.expiresAt, this.paidAt, lines, this.history, this.actions);
	}

	/** With the actions {@code actor} may take now, as {@link OrderRules} says. */
	OrderView forCaller(Actor actor) {
		return new OrderView(this.orderId, this.orderNo, this.userId, this.status, this.statusReason, this.totalCents,
				this.createdAt, this.expiresAt, this.paidAt, this.items, this.history,
				OrderRules.requests(this.status, actor));
	}

	/**
	 * One line.
	 *
	 * @param productId the product
	 * @param productName its name
	 * @param quantity units
	 * @param unitPriceCents price when ordered ({@code null} while in flight)
	 */
	record Item(long productId, @Nullable String productName, int quantity, @Nullable Long unitPriceCents) {
	}

	/**
	 * One state change.
	 *
	 * @param from state before
	 * @param to state after
	 * @param operator who did it
	 * @param reason why
	 * @param at when
	 */
	record Transition(@Nullable String from, String to, String operator, @Nullable String reason, Instant at) {
	}

	/**
	 * A page of orders.
	 *
	 * @param content the orders
	 * @param page page number from 0
	 * @param size page size
	 * @param totalElements orders in all pages
	 */
	record Page(List<OrderView> content, int page, int size, long totalElements) {

		Page forCaller(Actor actor) {
			return new Page(this.content.stream().map((order) -> order.forCaller(actor)).toList(), this.page, this.size,
					this.totalElements);
		}
	}

}
