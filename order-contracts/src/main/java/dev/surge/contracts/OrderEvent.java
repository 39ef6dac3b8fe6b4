package dev.surge.contracts;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * An event on {@link Topics#ORDERS}, keyed by {@link #orderId()}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = OrderPlaced.class, name = "OrderPlaced"),
		@JsonSubTypes.Type(value = ReservationExpired.class, name = "ReservationExpired"),
		@JsonSubTypes.Type(value = PaymentReported.class, name = "PaymentReported"),
		@JsonSubTypes.Type(value = CancellationRequested.class, name = "CancellationRequested"),
		@JsonSubTypes.Type(value = RefundRequested.class, name = "RefundRequested"),
		@JsonSubTypes.Type(value = RefundDecided.class, name = "RefundDecided"),
		@JsonSubTypes.Type(value = FulfilmentUpdated.class, name = "FulfilmentUpdated") })
public sealed interface OrderEvent permits OrderPlaced, ReservationExpired, PaymentReported, CancellationRequested,
		RefundRequested, RefundDecided, FulfilmentUpdated {

	long orderId();

}
