package dev.surge.api.auth;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code users} table. Blocking: callers run it through {@code Blocking}.
 */
@Repository
class Users {

	private static final RowMapper<User> MAPPER = (rs, row) -> new User(rs.getLong("id"), rs.getString("username"),
			rs.getString("password_hash"), Role.valueOf(rs.getString("role")));

	private final JdbcTemplate jdbc;

	Users(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Optional<User> findByUsername(String username) {
		return this.jdbc
			.query("SELECT id, username, password_hash, role FROM users WHERE username = ?", MAPPER, username)
			.stream()
			.findFirst();
	}

	/** Inserts the user; throws {@code DuplicateKeyException} when the name is taken. */
	User create(String username, String passwordHash, Role role) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.update((connection) -> {
			PreparedStatement insert = connection.prepareStatement(
					"INSERT INTO users (username, password_hash, role) VALUES (?, ?, ?)",
					Statement.RETURN_GENERATED_KEYS);
			insert.setString(1, username);
			insert.setString(2, passwordHash);
			insert.setString(3, role.name());
			return insert;
		}, keys);
		return new User(keys.getKey().longValue(), username, passwordHash, role);
	}

}
