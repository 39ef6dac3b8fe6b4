package dev.surge.stocksync.stock;

/**
 * One product's stock row in MySQL.
 *
 * @param id product id
 * @param name product name
 * @param total units owned
 * @param available units that may be sold
 * @param locked units held by unpaid orders
 * @param sold units paid for
 */
record ProductStock(long id, String name, long total, long available, long locked, long sold) {

}
