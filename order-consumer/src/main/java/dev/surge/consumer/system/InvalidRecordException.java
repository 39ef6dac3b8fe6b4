package dev.surge.consumer.system;

import org.jspecify.annotations.Nullable;

/**
 * A Kafka record that can never be applied (not JSON, not an event, invalid values). It
 * goes to the dead-letter topic without retries.
 */
public class InvalidRecordException extends RuntimeException {

	public InvalidRecordException(String message) {
		super(message);
	}

	public InvalidRecordException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
