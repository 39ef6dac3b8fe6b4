package dev.surge.consumer.product;

import dev.surge.consumer.system.InvalidRecordException;
import org.jspecify.annotations.Nullable;

/**
 * A record of {@code products.v1} that can never be applied. It goes to
 * {@code products.v1-dlt} without retries.
 */
class InvalidProductEventException extends InvalidRecordException {

	InvalidProductEventException(String message) {
		super(message);
	}

	InvalidProductEventException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
