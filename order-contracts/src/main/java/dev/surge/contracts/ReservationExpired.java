package dev.surge.contracts;

import java.util.List;

/**
 * A reservation stayed unclaimed longer than the producer's delivery timeout: either its
 * {@link OrderPlaced} is already applied (claim only) or it never reached the log
 * (abandon and release).
 *
 * @param orderId the order that took the reservations
 * @param items what was reserved
 * @param detectedAt epoch millis when the sweeper saw it
 */
public record ReservationExpired(long orderId, List<OrderLine> items, long detectedAt) implements OrderEvent {

	public ReservationExpired {
		items = List.copyOf(items);
	}

}
