package dev.surge.api.auth;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Username and password, for registration and login.
 *
 * @param username 3–32 letters, digits, {@code _ . -}
 * @param password 8–72 characters (bcrypt's limit)
 */
record Credentials(@NotNull @Pattern(regexp = "[A-Za-z0-9_.-]{3,32}") String username,
		@NotNull @Size(min = 8, max = 72) String password) {

}
