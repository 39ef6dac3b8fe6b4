package dev.surge.api.admin;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.surge.contracts.Actor;
import dev.surge.contracts.OrderRules;
import dev.surge.contracts.OrderStatus;
import dev.surge.contracts.UserAction;

/**
 * An order in the admin list: the same JSON as {@code GET /api/orders} gives (the id is a
 * string, as 64-bit integers do not survive JavaScript).
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
 * @param history always empty in lists, as in {@code GET /api/orders}
 * @param actions what an admin may ask of it now: exactly the requests the API accepts
 */
record AdminOrder(String orderId, String orderNo, long userId, OrderStatus status, @Nullable String statusReason,
		long totalCents, Instant createdAt, @Nullable Instant expiresAt, @Nullable Instant paidAt, List<Item> items,
		List<Object> history, List<UserAction> actions) {

	AdminOrder(String orderId, String orderNo, long userId, OrderStatus status, @Nullable String statusReason,
			long totalCents, Instant createdAt, @Nullable Instant expiresAt, @Nullable Instant paidAt) {
		this(orderId, orderNo, userId, status, statusReason, totalCents, createdAt, expiresAt, paidAt, List.of(),
				List.of(), OrderRules.requests(status, Actor.ADMIN));
	}

	AdminOrder withItems(List<Item> lines) {
		return new AdminOrder(this.orderId, this.orderNo, this.userId, this.status, this.statusReason, this.totalCents,
				this.createdAt, this.expiresAt, this.paidAt, lines, this.history, this.actions);
	}

	/**
	 * One line.
	 *
	 * @param productId the product
	 * @param productName its name
	 * @param quantity units
	 * @param unitPriceCents price when ordered
	 */
	record Item(long productId, @Nullable String productName, int quantity, long unitPriceCents) {
	}

}
