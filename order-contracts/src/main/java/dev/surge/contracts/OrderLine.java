package dev.surge.contracts;

/**
 * One product and quantity of an order.
 *
 * @param productId the product
 * @param quantity units, at least one
 */
public record OrderLine(long productId, int quantity) {

}
