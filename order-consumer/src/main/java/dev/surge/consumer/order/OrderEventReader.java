package dev.surge.consumer.order;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.surge.consumer.system.EventJson;
import dev.surge.contracts.CancellationRequested;
import dev.surge.contracts.FulfilmentUpdated;
import dev.surge.contracts.OrderEvent;
import dev.surge.contracts.OrderLine;
import dev.surge.contracts.OrderPlaced;
import dev.surge.contracts.PaymentReported;
import dev.surge.contracts.RefundDecided;
import dev.surge.contracts.RefundRequested;
import dev.surge.contracts.ReservationExpired;
import org.jspecify.annotations.Nullable;

/**
 * Parses and validates the JSON value of one {@code orders.v1} record. Parsing here
 * rather than in a deserializer makes a poison record a decision of the listener.
 */
class OrderEventReader {

	private static final int MAX_ORDER_NO = 40;

	private static final int MAX_OPERATOR = 64;

	private static final EventJson<OrderEvent> JSON = new EventJson<>(OrderEvent.class, "an order event",
			InvalidOrderEventException::new);

	OrderEvent read(@Nullable String key, byte @Nullable [] value) {
		OrderEvent event = JSON.parse(value);
		if (event.orderId() <= 0) {
			throw new InvalidOrderEventException("orderId must be positive");
		}
		if (key != null && !key.equals(Long.toString(event.orderId()))) {
			throw new InvalidOrderEventException("Key " + key + " is not the order id " + event.orderId());
		}
		switch (event) {
			case OrderPlaced placed -> checkPlaced(placed);
			case ReservationExpired expired -> checkLines(expired.items());
			case PaymentReported paid -> {
				checkOperator(paid.operator());
				required(paid.outcome(), "outcome");
			}
			case CancellationRequested cancel -> checkOperator(cancel.operator());
			case RefundRequested refund -> checkOperator(refund.operator());
			case RefundDecided decided -> checkOperator(decided.operator());
			case FulfilmentUpdated fulfilment -> {
				checkOperator(fulfilment.operator());
				required(fulfilment.action(), "action");
			}
		}
		return event;
	}

	private static void checkPlaced(OrderPlaced placed) {
		if (placed.orderNo() == null || placed.orderNo().isBlank() || placed.orderNo().length() > MAX_ORDER_NO) {
			throw new InvalidOrderEventException("orderNo must be 1.." + MAX_ORDER_NO + " characters");
		}
		if (placed.userId() <= 0) {
			throw new InvalidOrderEventException("userId must be positive");
		}
		if (placed.placedAt() <= 0) {
			throw new InvalidOrderEventException("placedAt must be positive");
		}
		checkLines(placed.items());
	}

	private static void checkOperator(@Nullable String operator) {
		if (operator == null || operator.isBlank() || operator.length() > MAX_OPERATOR) {
			throw new InvalidOrderEventException("operator must be 1.." + MAX_OPERATOR + " characters");
		}
	}

	private static void required(@Nullable Object value, String name) {
		if (value == null) {
			throw new InvalidOrderEventException(name + " is required");
		}
	}

	private static void checkLines(List<OrderLine> items) {
		if (items.isEmpty()) {
			throw new InvalidOrderEventException("An order needs at least one item");
		}
		Set<Long> products = new HashSet<>();
		for (OrderLine line : items) {
			if (line == null || line.productId() <= 0 || line.quantity() < 1) {
				throw new InvalidOrderEventException("Invalid item " + line);
			}
			if (!products.add(line.productId())) {
				throw new InvalidOrderEventException("Product " + line.productId() + " appears twice");
			}
		}
	}

}
