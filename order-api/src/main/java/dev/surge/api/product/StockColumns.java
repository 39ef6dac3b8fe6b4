package dev.surge.api.product;

/**
 * A product's row of {@code product_stock}: always read from MySQL, never cached.
 *
 * @param total units owned
 * @param available units neither locked nor sold
 * @param locked units held by unpaid orders
 * @param sold units paid for
 */
record StockColumns(long total, long available, long locked, long sold) {

}
