package dev.surge.api.auth;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import dev.surge.api.system.Blocking;
import dev.surge.api.system.Problem;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Registration and login.
 */
@RestController
class AuthController {

	private final Users users;

	private final PasswordEncoder passwords;

	private final Tokens tokens;

	private final Blocking blocking;

	/**
	 * Checked when the user does not exist, so that both paths cost one bcrypt
	 * comparison.
	 */
	private final String noUserHash;

	AuthController(Users users, PasswordEncoder passwords, Tokens tokens, Blocking blocking) {
		this.users = users;
		this.passwords = passwords;
		this.tokens = tokens;
		this.blocking = blocking;
		this.noUserHash = passwords.encode(UUID.randomUUID().toString());
	}

	@PostMapping(path = "/api/auth/token", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<AccessToken> token(@Valid @RequestBody Credentials credentials) {
		return this.blocking.call(() -> this.users.findByUsername(credentials.username())
			.filter((user) -> this.passwords.matches(credentials.password(), user.passwordHash()))
			.map(this.tokens::issue)
			.orElseGet(() -> {
				this.passwords.matches(credentials.password(), this.noUserHash);
				throw badCredentials().toException();
			}));
	}

	@PostMapping(path = "/api/users", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<RegisteredUser>> register(@Valid @RequestBody Credentials credentials) {
		return this.blocking.call(() -> {
			try {
				User user = this.users.create(credentials.username(), this.passwords.encode(credentials.password()),
						Role.CUSTOMER);
				return ResponseEntity.created(URI.create("/api/users/" + user.id()))
					.body(new RegisteredUser(user.id(), user.username(), user.role()));
			}
			catch (DuplicateKeyException ex) {
				throw Problem.of(HttpStatus.CONFLICT, "username-taken", "Username taken", "Choose another username")
					.toException();
			}
		});
	}

	private static Problem badCredentials() {
		return Problem.of(HttpStatus.UNAUTHORIZED, "bad-credentials", "Bad credentials",
				"The username or password is wrong");
	}

}
