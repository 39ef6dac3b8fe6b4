package dev.surge.api.system;

import java.time.Duration;

import org.springframework.http.HttpStatus;

/**
 * Problems shared by several features.
 */
public final class Problems {

	/** How long a client should wait after a 503. */
	public static final Duration RETRY_AFTER = Duration.ofSeconds(2);

	private Problems() {
	}

	public static Problem invalid(String detail) {
		return Problem.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
	}

	public static Problem unavailable(String detail) {
		return Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable", detail)
			.retryAfter(RETRY_AFTER);
	}

	public static Problem notFound(String what) {
		return Problem.of(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " was not found");
	}

}
