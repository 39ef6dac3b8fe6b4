package dev.surge.contracts;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A compact note on {@link Topics#CHANGES} that something changed in MySQL, for live
 * views. Fire-and-forget: a reader re-reads what it needs; a lost notice only delays a
 * refresh.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = StockChanged.class, name = "STOCK"),
		@JsonSubTypes.Type(value = OrdersChanged.class, name = "ORDER"),
		@JsonSubTypes.Type(value = ProductsChanged.class, name = "PRODUCT"),
		@JsonSubTypes.Type(value = StockLow.class, name = "LOW_STOCK"),
		@JsonSubTypes.Type(value = DemoDataReset.class, name = "RESET") })
public sealed interface ChangeNotice permits StockChanged, OrdersChanged, ProductsChanged, StockLow, DemoDataReset {

}
