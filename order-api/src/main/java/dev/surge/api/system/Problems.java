package dev.surge.api.system;

import java.time.Duration;

/**
 * Problems shared by several features.
 */
public final class Problems {

	/** How long a client should wait after a 503. */
	public static final Duration RETRY_AFTER = Duration.ofSeconds(2);

	private Problems() {
	}

	public static Problem invalid(String detail) {
		return ProblemType.INVALID_REQUEST.problem(detail);
	}

	public static Problem unavailable(String detail) {
		return ProblemType.UNAVAILABLE.problem(detail).retryAfter(RETRY_AFTER);
	}

	public static Problem notFound(String what) {
		return ProblemType.NOT_FOUND.problem(what + " was not found");
	}

}
