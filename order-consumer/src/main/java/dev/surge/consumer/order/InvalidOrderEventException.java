package dev.surge.consumer.order;

/**
 * A record of {@code orders.v1} that can never be applied (not JSON, not an event,
 * invalid values). It goes to the dead-letter topic without retries.
 */
public class InvalidOrderEventException extends RuntimeException {

	InvalidOrderEventException(String message) {
		super(message);
	}

	InvalidOrderEventException(String message, Throwable cause) {
		super(message, cause);
	}

}
