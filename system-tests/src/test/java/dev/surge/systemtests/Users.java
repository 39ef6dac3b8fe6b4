package dev.surge.systemtests;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.surge.devstack.AccessTokens;
import dev.surge.devstack.DirectUsers;

/**
 * Users written directly to MySQL ({@link DirectUsers}) and their access tokens signed
 * with the test key ({@link AccessTokens}), so that bcrypt and the login route do not
 * dominate a test that needs many of them.
 */
final class Users {

	private Users() {
	}

	/**
	 * Inserts users with one password hash.
	 * @return their ids, in the order of the names
	 */
	static List<Long> insert(Sql.Database database, List<String> names, String role, String passwordHash) {
		try (Connection db = database.connect()) {
			return DirectUsers.insert(db, names, role, passwordHash);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Customers with tokens.
	 * @return one user per name
	 */
	static List<Shop.User> customers(Sql.Database database, String jwtSecret, List<String> names, String passwordHash) {
		List<Long> ids = insert(database, names, "CUSTOMER", passwordHash);
		List<Shop.User> users = new ArrayList<>();
		for (int i = 0; i < names.size(); i++) {
			users.add(new Shop.User(ids.get(i), names.get(i), token(jwtSecret, ids.get(i), names.get(i), "CUSTOMER")));
		}
		return users;
	}

	/** An access token valid for two hours, signed with the API's key. */
	static String token(String jwtSecret, long userId, String username, String role) {
		return AccessTokens.issue(jwtSecret, userId, username, role, Duration.ofHours(2));
	}

}
