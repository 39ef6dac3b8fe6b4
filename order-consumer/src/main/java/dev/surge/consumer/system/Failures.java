package dev.surge.consumer.system;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

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
	 * {@link DataAccessResourceFailureException}s, a commit or rollback that failed
	 * ({@link TransactionSystemException}: the connection died under the transaction, so
	 * nothing was written), and any SQL error of class 08 (connection exception), which
	 * the driver raises as {@link SQLNonTransientConnectionException} when the server is
	 * gone.
	 */
	public static boolean isInfrastructure(@Nullable Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
					|| cause instanceof CannotCreateTransactionException || cause instanceof SQLRecoverableException
					|| cause instanceof SQLTransientException || cause instanceof TransactionSystemException
					|| cause instanceof SQLNonTransientConnectionException || isConnectionState(cause)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isConnectionState(Throwable failure) {
		return failure instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08");
	}

}
