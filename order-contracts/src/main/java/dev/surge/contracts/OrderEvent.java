package dev.surge.contracts;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * An event on {@link Topics#ORDERS}, keyed by {@link #orderId()}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = OrderPlaced.class, name = "OrderPlaced"),
		@JsonSubTypes.Type(value = ReservationExpired.class, name = "ReservationExpired") })
public sealed interface OrderEvent permits OrderPlaced, ReservationExpired {

	long orderId();

}
