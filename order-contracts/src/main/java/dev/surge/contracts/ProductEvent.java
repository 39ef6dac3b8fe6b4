package dev.surge.contracts;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * An administration command on {@link Topics#PRODUCTS}, applied by the consumer (the only
 * writer of stock in MySQL).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = ProductUpdated.class, name = "ProductUpdated"),
		@JsonSubTypes.Type(value = ProductDeleted.class, name = "ProductDeleted"),
		@JsonSubTypes.Type(value = StockRestocked.class, name = "StockRestocked"),
		@JsonSubTypes.Type(value = DemoResetRequested.class, name = "DemoResetRequested") })
public sealed interface ProductEvent permits ProductUpdated, ProductDeleted, StockRestocked, DemoResetRequested {

	/** The record key: the product id, or {@code demo}. */
	String key();

}
