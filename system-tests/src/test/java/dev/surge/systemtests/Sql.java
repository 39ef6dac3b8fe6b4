package dev.surge.systemtests;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Queries over many ids, in chunks of 500 bound parameters.
 */
final class Sql {

	private Sql() {
	}

	/**
	 * {@code sql} with {@code %s} for the ids, summed over chunks of 500 ids.
	 * @return the sum of the counts
	 */
	static long count(Database database, String sql, Collection<Long> ids) {
		List<Long> all = new ArrayList<>(ids);
		long total = 0;
		try (Connection db = database.connect()) {
			for (int from = 0; from < all.size(); from += 500) {
				List<Long> chunk = all.subList(from, Math.min(all.size(), from + 500));
				try (PreparedStatement select = db
					.prepareStatement(sql.formatted(String.join(",", Collections.nCopies(chunk.size(), "?"))))) {
					for (int i = 0; i < chunk.size(); i++) {
						select.setLong(i + 1, chunk.get(i));
					}
					try (ResultSet rs = select.executeQuery()) {
						rs.next();
						total += rs.getLong(1);
					}
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return total;
	}

	/** Where the connection comes from. */
	@FunctionalInterface
	interface Database {

		Connection connect() throws SQLException;

	}

}
