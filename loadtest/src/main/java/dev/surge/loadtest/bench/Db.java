package dev.surge.loadtest.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Where MySQL is.
 *
 * @param url JDBC URL
 * @param user user
 * @param password password
 */
record Db(String url, String user, String password) {

	Connection connect() throws SQLException {
		return DriverManager.getConnection(this.url, this.user, this.password);
	}

}
