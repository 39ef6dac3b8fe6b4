package dev.surge.consumer.order;

import java.time.Instant;

import dev.surge.contracts.CancellationRequested;
import dev.surge.contracts.FulfilmentUpdated;
import dev.surge.contracts.OrderAction;
import dev.surge.contracts.OrderEvent;
import dev.surge.contracts.OrderPlaced;
import dev.surge.contracts.OrderRules;
import dev.surge.contracts.PaymentOutcome;
import dev.surge.contracts.PaymentReported;
import dev.surge.contracts.RefundDecided;
import dev.surge.contracts.RefundRequested;
import dev.surge.contracts.ReservationExpired;
import org.jspecify.annotations.Nullable;

/**
 * An action to apply to one existing order.
 *
 * @param orderId the order
 * @param action what happened
 * @param operator username, or {@code system}
 * @param text the operator's free-text reason, may be null
 * @param at when it happened
 * @param payment the gateway's answer, for the payment actions
 * @param source the {@code orders.v1} record it came from, so a redelivery is recognised;
 * {@code null} for the consumer's own decisions
 */
record OrderCommand(long orderId, OrderAction action, String operator, @Nullable String text, Instant at,
		@Nullable PaymentOutcome payment, @Nullable Source source) {

	static final String SYSTEM = "system";

	/** The command an event of {@code orders.v1} carries, or {@code null} for intake. */
	static @Nullable OrderCommand of(OrderEvent event, @Nullable Source source) {
		OrderAction action = OrderRules.actionOf(event).orElse(null);
		if (action == null) {
			return null;
		}
		return switch (event) {
			case PaymentReported paid -> new OrderCommand(paid.orderId(), action, paid.operator(), null,
					Instant.ofEpochMilli(paid.at()), paid.outcome(), source);
			case CancellationRequested cancel -> new OrderCommand(cancel.orderId(), action, cancel.operator(),
					cancel.reason(), Instant.ofEpochMilli(cancel.at()), null, source);
			case RefundRequested refund -> new OrderCommand(refund.orderId(), action, refund.operator(),
					refund.reason(), Instant.ofEpochMilli(refund.at()), null, source);
			case RefundDecided decided -> new OrderCommand(decided.orderId(), action, decided.operator(),
					decided.reason(), Instant.ofEpochMilli(decided.at()), null, source);
			case FulfilmentUpdated fulfilment -> new OrderCommand(fulfilment.orderId(), action, fulfilment.operator(),
					fulfilment.reason(), Instant.ofEpochMilli(fulfilment.at()), null, source);
			case OrderPlaced placed -> throw new IllegalArgumentException("Not a command: " + placed);
			case ReservationExpired expired -> throw new IllegalArgumentException("Not a command: " + expired);
		};
	}

	/** A decision of the consumer itself (expiry, demo reset). */
	static OrderCommand system(long orderId, OrderAction action, String operator, @Nullable String text) {
		return new OrderCommand(orderId, action, operator, text, Instant.now(), null, null);
	}

	/**
	 * Where a command was read.
	 *
	 * @param partition partition of {@code orders.v1}
	 * @param offset offset in it
	 */
	record Source(int partition, long offset) {

	}

}
