package dev.surge.contracts;

/**
 * A product crossed below its warning level (the same facts as {@link LowStockDetected}
 * on {@link Topics#STOCK_ALERTS}, for live views):
 * {@code {"type":"LOW_STOCK","productId":..,"name":"..","available":..,"warningStock":..,"at":..}}.
 *
 * @param productId the product
 * @param name its name
 * @param available MySQL available units
 * @param warningStock the threshold
 * @param at epoch millis
 */
public record StockLow(long productId, String name, long available, int warningStock, long at) implements ChangeNotice {

}
