package dev.surge.consumer.order;

import dev.surge.consumer.system.InvalidRecordException;
import org.jspecify.annotations.Nullable;

/**
 * A record of {@code orders.v1} that can never be applied (not JSON, not an event,
 * invalid values). It goes to the dead-letter topic without retries.
 */
class InvalidOrderEventException extends InvalidRecordException {

	InvalidOrderEventException(String message) {
		super(message);
	}

	InvalidOrderEventException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
