package dev.surge.devstack;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Counts over many ids, such as a run's accepted orders: the query runs once per chunk of
 * ids, each bound as a parameter, and the counts are summed.
 */
public final class IdCounts {

	private IdCounts() {
	}

	/**
	 * Sums a count over chunks of ids.
	 * @param db the connection
	 * @param sql a {@code SELECT COUNT(...)} with {@code %s} where the ids' placeholders
	 * go
	 * @param ids the ids
	 * @param chunk how many ids one query binds at most
	 * @return the sum of the counts
	 * @throws SQLException when a query fails
	 */
	public static long count(Connection db, String sql, Collection<Long> ids, int chunk) throws SQLException {
		List<Long> all = new ArrayList<>(ids);
		long total = 0;
		for (int from = 0; from < all.size(); from += chunk) {
			List<Long> part = all.subList(from, Math.min(all.size(), from + chunk));
			try (PreparedStatement select = db
				.prepareStatement(sql.formatted(String.join(",", Collections.nCopies(part.size(), "?"))))) {
				for (int i = 0; i < part.size(); i++) {
					select.setLong(i + 1, part.get(i));
				}
				try (ResultSet rs = select.executeQuery()) {
					rs.next();
					total += rs.getLong(1);
				}
			}
		}
		return total;
	}

}
