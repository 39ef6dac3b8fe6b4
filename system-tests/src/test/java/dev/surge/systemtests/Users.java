package dev.surge.systemtests;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.surge.devstack.AccessTokens;

/**
 * Users written directly to MySQL and their access tokens signed with the test key, so
 * that bcrypt and the login route do not dominate a test that needs many of them.
 */
final class Users {

	private Users() {
	}

	/**
	 * Inserts users with one password hash.
	 * @return their ids, in the order of the names
	 */
	static List<Long> insert(Connection db, List<String> names, String role, String passwordHash) {
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
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return ids;
	}

	/** An access token valid for two hours, signed with the API's key. */
	static String token(String jwtSecret, long userId, String username, String role) {
		return AccessTokens.issue(jwtSecret, userId, username, role, Duration.ofHours(2));
	}

}
