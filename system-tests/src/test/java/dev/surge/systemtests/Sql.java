package dev.surge.systemtests;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;

import dev.surge.devstack.IdCounts;

/**
 * Counts over many ids ({@link IdCounts}, chunks of 500) for the tests' assertions.
 */
final class Sql {

	private Sql() {
	}

	/**
	 * {@code sql} with {@code %s} for the ids, summed over chunks of 500 ids.
	 * @return the sum of the counts
	 */
	static long count(Database database, String sql, Collection<Long> ids) {
		try (Connection db = database.connect()) {
			return IdCounts.count(db, sql, ids, 500);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Where the connection comes from. */
	@FunctionalInterface
	interface Database {

		Connection connect() throws SQLException;

	}

}
