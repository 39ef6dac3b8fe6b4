package dev.surge.api.order;

/**
 * The 202 answer of {@code POST /api/orders}.
 *
 * @param orderId the order id, as a string
 * @param orderNo the number shown to people
 * @param status always {@code ACCEPTED}: the order is in the pipeline
 */
record OrderAccepted(String orderId, String orderNo, String status) {

	static OrderAccepted of(Placement.Accepted accepted) {
		return new OrderAccepted(Long.toString(accepted.orderId()), accepted.orderNo(), "ACCEPTED");
	}

}
