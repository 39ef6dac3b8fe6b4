package dev.surge.contracts;

/**
 * Kafka topic names, in one place.
 */
public final class Topics {

	/**
	 * Every event of an order, keyed by order id, so one order's events apply in order.
	 */
	public static final String ORDERS = "orders.v1";

	/**
	 * Records of {@link #ORDERS} that could not be applied, with the exception headers.
	 */
	public static final String ORDERS_DLT = "orders.v1-dlt";

	/**
	 * Product and stock administration, keyed by product id ({@code demo} for a demo
	 * reset).
	 */
	public static final String PRODUCTS = "products.v1";

	/** Records of {@link #PRODUCTS} that could not be applied. */
	public static final String PRODUCTS_DLT = "products.v1-dlt";

	/** Low-stock alerts raised by the consumer. */
	public static final String STOCK_ALERTS = "stock.alerts.v1";

	/**
	 * What changed in MySQL (order states, stock), fanned out to every API's live event
	 * stream.
	 */
	public static final String CHANGES = "surge.changes.v1";

	private Topics() {
	}

}
