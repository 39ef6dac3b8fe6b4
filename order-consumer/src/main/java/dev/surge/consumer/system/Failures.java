package dev.surge.consumer.system;

import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells broken infrastructure (retry until it is back) from everything else.
 */
public final class Failures {

	private Failures() {
	}

	/**
	 * Whether the failure, or one of its causes, means MySQL or Redis is unreachable or
	 * briefly unable to serve: lost connections, timeouts, deadlocks. Covers
	 * {@code CannotGetJdbcConnectionException} and
	 * {@code RedisConnectionFailureException}, both
	 * {@link DataAccessResourceFailureException}s.
	 */
	public static boolean isInfrastructure(@Nullable Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
					|| cause instanceof CannotCreateTransactionException || cause instanceof SQLRecoverableException
					|| cause instanceof SQLTransientException) {
				return true;
			}
		}
		return false;
	}

}
