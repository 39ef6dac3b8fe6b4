package dev.surge.devstack;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Users written directly to MySQL, for runs and tests that need many of them at once
 * (sign-up's bcrypt would dominate); their tokens come from {@link AccessTokens}.
 */
public final class DirectUsers {

	private DirectUsers() {
	}

	/**
	 * Inserts users with one password hash.
	 * @param db the connection
	 * @param names their usernames
	 * @param role {@code CUSTOMER} or {@code ADMIN}
	 * @param passwordHash the stored hash ({@code !} for users that never log in)
	 * @return their ids, in the order of the names
	 * @throws SQLException when an insert fails
	 */
	public static List<Long> insert(Connection db, List<String> names, String role, String passwordHash)
			throws SQLException {
		List<Long> ids = new ArrayList<>();
		try (PreparedStatement insert = db.prepareStatement(
				"INSERT INTO users (username, password_hash, role) VALUES (?, ?, ?)",
				Statement.RETURN_GENERATED_KEYS)) {
			for (String name : names) {
				insert.setString(1, name);
				insert.setString(2, passwordHash);
				insert.setString(3, role);
				insert.executeUpdate();
				try (ResultSet keys = insert.getGeneratedKeys()) {
					keys.next();
					ids.add(keys.getLong(1));
				}
			}
		}
		return ids;
	}

}
