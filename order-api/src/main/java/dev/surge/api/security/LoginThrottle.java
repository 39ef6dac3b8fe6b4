package dev.surge.api.security;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Failed logins per username ({@code surge.ratelimit.logins}); logins per IP are a route
 * limit. Unknown usernames have buckets too, so the answer never tells whether a user
 * exists.
 */
@Component
public class LoginThrottle {

	private final RateLimits limits;

	private final RateLimitProperties properties;

	LoginThrottle(RateLimits limits, RateLimitProperties properties) {
		this.limits = limits;
		this.properties = properties;
	}

	/** How long the user must wait before trying again; empty when they may try now. */
	public Mono<Optional<Duration>> wait(String username) {
		if (!this.properties.enabled()) {
			return Mono.just(Optional.empty());
		}
		return this.limits.peek(bucket(username), this.properties.logins())
			.map((verdict) -> (verdict instanceof Verdict.Limited limited) ? Optional.of(limited.retryAfter())
					: Optional.<Duration>empty());
	}

	/** Counts a failed attempt. */
	public Mono<Void> failed(String username) {
		if (!this.properties.enabled()) {
			return Mono.empty();
		}
		return this.limits.take(bucket(username), this.properties.logins()).then();
	}

	private static String bucket(String username) {
		return "login-failures:user:" + username.toLowerCase(Locale.ROOT);
	}

}
