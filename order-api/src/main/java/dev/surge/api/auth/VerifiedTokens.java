package dev.surge.api.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Remembers tokens that passed the decoder (signature, issuer, claims, expiry) until they
 * expire, so a customer's next request skips the HMAC and the JSON parse: one verified
 * token per customer serves every order they place. The key is the whole token text, so a
 * token that differs in any byte is verified afresh; failures are never remembered.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

	private final ReactiveJwtDecoder decoder;

	private final Clock clock;

	private final Cache<String, Jwt> verified;

	VerifiedTokens(ReactiveJwtDecoder decoder, int maximum, Duration keepAtMost, Clock clock) {
		this.decoder = decoder;
		this.clock = clock;
		this.verified = Caffeine.newBuilder()
			.maximumSize(maximum)
			.expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> lifetime(jwt, keepAtMost, clock.instant())))
			.build();
	}

	@Override
	public Mono<Jwt> decode(String token) {
		Jwt known = this.verified.getIfPresent(token);
		if (known != null && stillValid(known)) {
			return Mono.just(known);
		}
		return this.decoder.decode(token).doOnNext((jwt) -> this.verified.put(token, jwt));
	}

	/** The cache's own expiry is approximate; the token's is not. */
	private boolean stillValid(Jwt jwt) {
		Instant expiresAt = jwt.getExpiresAt();
		return expiresAt != null && this.clock.instant().isBefore(expiresAt);
	}

	private static Duration lifetime(Jwt jwt, Duration keepAtMost, Instant now) {
		Instant expiresAt = jwt.getExpiresAt();
		if (expiresAt == null || !expiresAt.isAfter(now)) {
			return Duration.ZERO;
		}
		Duration left = Duration.between(now, expiresAt);
		return (left.compareTo(keepAtMost) < 0) ? left : keepAtMost;
	}

}
