package dev.surge.api.auth;

import java.nio.charset.StandardCharsets;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Username and password, for registration and login.
 *
 * @param username 3–32 letters, digits, {@code _ . -}
 * @param password 8–72 characters, at most 72 bytes in UTF-8 (bcrypt's limit)
 */
record Credentials(@NotNull @Pattern(regexp = "[A-Za-z0-9_.-]{3,32}") String username,
		@NotNull @Size(min = 8, max = 72) String password) {

	@AssertTrue(message = "must be at most 72 bytes in UTF-8")
	boolean isPasswordWithinBcryptLimit() {
		return this.password == null || this.password.getBytes(StandardCharsets.UTF_8).length <= 72;
	}

}
