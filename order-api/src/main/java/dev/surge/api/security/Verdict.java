package dev.surge.api.security;

import java.time.Duration;

/**
 * What a bucket said about one request.
 */
sealed interface Verdict {

	Verdict ALLOWED = new Allowed();

	/** A token was taken, or the limiter could not be asked (it fails open). */
	record Allowed() implements Verdict {
	}

	/**
	 * The bucket is empty.
	 *
	 * @param bucket which limit, for the log
	 * @param retryAfter when a token will be there again
	 */
	record Limited(String bucket, Duration retryAfter) implements Verdict {
	}

}
