package dev.surge.api.auth;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import dev.surge.api.security.LoginThrottle;
import dev.surge.api.security.SecurityEvent;
import dev.surge.api.security.SecurityLog;
import dev.surge.api.system.Answers;
import dev.surge.api.system.Blocking;
import dev.surge.api.system.Problem;
import dev.surge.api.system.ProblemType;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
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

	private final LoginThrottle throttle;

	private final SecurityLog securityLog;

	AuthController(Users users, PasswordEncoder passwords, Tokens tokens, Blocking blocking, LoginThrottle throttle,
			SecurityLog securityLog) {
		this.users = users;
		this.throttle = throttle;
		this.securityLog = securityLog;
		this.passwords = passwords;
		this.tokens = tokens;
		this.blocking = blocking;
		this.noUserHash = passwords.encode(UUID.randomUUID().toString());
	}

	/**
	 * Issues a token. Failed attempts are counted per username and logged; past the limit
	 * the password is not even checked. Unknown users and wrong passwords get the same
	 * answer in the same time.
	 */
	@SecurityRequirements
	@Answers({ ProblemType.BAD_CREDENTIALS, ProblemType.LOGIN_THROTTLED })
	@PostMapping(path = "/api/auth/token", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<AccessToken> token(@Valid @RequestBody Credentials credentials, ServerHttpRequest request) {
		String username = credentials.username();
		return this.throttle.wait(username)
			.flatMap((wait) -> wait.isPresent() ? throttled(request, username, wait.get()) : check(credentials))
			.flatMap((token) -> token.map(Mono::just)
				.orElseGet(() -> this.throttle.failed(username)
					.then(Mono.fromRunnable(() -> this.securityLog
						.record(SecurityEvent.of(request, username, "LOGIN", "FAILED", "bad credentials"))))
					.then(Mono.error(badCredentials().toException()))));
	}

	private Mono<Optional<AccessToken>> check(Credentials credentials) {
		return this.blocking.call(() -> {
			Optional<User> user = this.users.findByUsername(credentials.username());
			boolean matches = this.passwords.matches(credentials.password(),
					user.map(User::passwordHash).orElse(this.noUserHash));
			return user.filter((found) -> matches).map(this.tokens::issue);
		});
	}

	private Mono<Optional<AccessToken>> throttled(ServerHttpRequest request, String username, Duration wait) {
		Duration retryAfter = Duration.ofSeconds(Math.max(1, (wait.toMillis() + 999) / 1000));
		this.securityLog.record(SecurityEvent.of(request, username, "LOGIN", "THROTTLED", "too many failed logins"));
		return Mono.error(ProblemType.LOGIN_THROTTLED
			.problem("Too many failed logins; try again in " + retryAfter.toSeconds() + " s")
			.retryAfter(retryAfter)
			.toException());
	}

	/**
	 * Creates a customer. A taken name gets the same 202 as a new one, after the same
	 * bcrypt and the same INSERT (refused by the unique key), so neither the answer nor
	 * its time tells whether the name exists; the attempt goes to the security log.
	 */
	@SecurityRequirements
	@ResponseStatus(HttpStatus.ACCEPTED)
	@PostMapping(path = "/api/users", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<RegistrationReceived>> register(@Valid @RequestBody Credentials credentials,
			ServerHttpRequest request) {
		String username = credentials.username();
		return this.blocking.call(() -> {
			String hash = this.passwords.encode(credentials.password());
			try {
				this.users.create(username, hash, Role.CUSTOMER);
			}
			catch (DuplicateKeyException ex) {
				this.securityLog.record(
						SecurityEvent.of(request, username, "REGISTER", "USERNAME_TAKEN", "sign-up for a taken name"));
			}
			return ResponseEntity.accepted().body(new RegistrationReceived(username));
		});
	}

	private static Problem badCredentials() {
		return ProblemType.BAD_CREDENTIALS.problem("The username or password is wrong");
	}

}
