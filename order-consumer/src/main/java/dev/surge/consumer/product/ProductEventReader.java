package dev.surge.consumer.product;

import dev.surge.consumer.system.EventJson;
import dev.surge.contracts.DemoResetRequested;
import dev.surge.contracts.ProductDeleted;
import dev.surge.contracts.ProductEvent;
import dev.surge.contracts.ProductUpdated;
import dev.surge.contracts.StockRestocked;
import org.jspecify.annotations.Nullable;

/**
 * Parses and validates the JSON value of one {@code products.v1} record.
 */
class ProductEventReader {

	private static final int MAX_NAME = 200;

	private static final int MAX_IMAGE_URL = 500;

	private static final int MAX_OPERATOR = 64;

	private static final int MAX_REQUEST_ID = 64;

	private static final EventJson<ProductEvent> JSON = new EventJson<>(ProductEvent.class, "a product event",
			InvalidProductEventException::new);

	ProductEvent read(byte @Nullable [] value) {
		ProductEvent event = JSON.parse(value);
		switch (event) {
			case ProductUpdated updated -> {
				checkProduct(updated.productId());
				text(updated.name(), "name", MAX_NAME);
				if (updated.imageUrl() != null && updated.imageUrl().length() > MAX_IMAGE_URL) {
					throw new InvalidProductEventException("imageUrl is longer than " + MAX_IMAGE_URL);
				}
				if (updated.priceCents() < 0 || updated.warningStock() < 0) {
					throw new InvalidProductEventException("priceCents and warningStock must not be negative");
				}
				text(updated.operator(), "operator", MAX_OPERATOR);
			}
			case ProductDeleted deleted -> {
				checkProduct(deleted.productId());
				text(deleted.operator(), "operator", MAX_OPERATOR);
			}
			case StockRestocked restocked -> {
				checkProduct(restocked.productId());
				if (restocked.quantity() <= 0) {
					throw new InvalidProductEventException("quantity must be positive");
				}
				text(restocked.operator(), "operator", MAX_OPERATOR);
				text(restocked.requestId(), "requestId", MAX_REQUEST_ID);
			}
			case DemoResetRequested reset -> {
				text(reset.operator(), "operator", MAX_OPERATOR);
				text(reset.requestId(), "requestId", MAX_REQUEST_ID);
			}
		}
		return event;
	}

	private static void checkProduct(long productId) {
		if (productId <= 0) {
			throw new InvalidProductEventException("productId must be positive");
		}
	}

	private static void text(@Nullable String value, String name, int max) {
		if (value == null || value.isBlank() || value.length() > max) {
			throw new InvalidProductEventException(name + " must be 1.." + max + " characters");
		}
	}

}
