package dev.surge.contracts;

/**
 * A product's available stock crossed below its warning level (raised once per crossing)
 * on {@link Topics#STOCK_ALERTS}.
 *
 * @param productId the product
 * @param name its name
 * @param available MySQL available units
 * @param warningStock the threshold
 * @param at epoch millis
 */
public record LowStockDetected(long productId, String name, long available, int warningStock, long at) {

}
