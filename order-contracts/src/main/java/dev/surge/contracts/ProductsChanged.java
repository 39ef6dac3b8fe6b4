package dev.surge.contracts;

import java.util.List;

/**
 * The details of these products changed (name, price, warning level, deleted), so cached
 * copies are stale: {@code {"type":"PRODUCT","productIds":[..]}}.
 *
 * @param productIds the products, ascending
 */
public record ProductsChanged(List<Long> productIds) implements ChangeNotice {

	public ProductsChanged {
		productIds = List.copyOf(productIds);
	}

}
