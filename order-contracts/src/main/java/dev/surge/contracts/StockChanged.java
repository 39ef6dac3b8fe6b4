package dev.surge.contracts;

import java.util.List;

/**
 * The stock columns of these products changed:
 * {@code {"type":"STOCK","productIds":[..]}}.
 *
 * @param productIds the products, ascending
 */
public record StockChanged(List<Long> productIds) implements ChangeNotice {

	public StockChanged {
		productIds = List.copyOf(productIds);
	}

}
