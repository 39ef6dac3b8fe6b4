package dev.surge.loadtest.reserve;

/**
 * What a one-line order asks for.
 *
 * @param productId the product
 * @param quantity units
 */
public record Line(long productId, int quantity) {

}
