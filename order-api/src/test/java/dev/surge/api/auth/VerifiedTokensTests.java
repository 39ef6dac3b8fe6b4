package dev.surge.api.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedTokensTests {

	private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

	private final MovableClock clock = new MovableClock();

	private final AtomicInteger verifications = new AtomicInteger();

	@Test
	void verifiesATokenOnceWhileItIsValid() {
		VerifiedTokens tokens = new VerifiedTokens(expiringIn(Duration.ofMinutes(30)), 100, Duration.ofMinutes(10),
				this.clock);

		StepVerifier.create(tokens.decode("token-a")).expectNextCount(1).verifyComplete();
		StepVerifier.create(tokens.decode("token-a")).expectNextCount(1).verifyComplete();
		StepVerifier.create(tokens.decode("token-b")).expectNextCount(1).verifyComplete();

		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void verifiesAgainOnceTheTokenExpired() {
		VerifiedTokens tokens = new VerifiedTokens(expiringIn(Duration.ofMinutes(30)), 100, Duration.ofHours(1),
				this.clock);
		tokens.decode("token-a").block();

		this.clock.advance(Duration.ofMinutes(31));
		tokens.decode("token-a").onErrorComplete().block();

		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void neverRemembersARefusal() {
		ReactiveJwtDecoder refusing = (token) -> {
			this.verifications.incrementAndGet();
			return Mono.error(new BadJwtException("bad signature"));
		};
		VerifiedTokens tokens = new VerifiedTokens(refusing, 100, Duration.ofMinutes(10), this.clock);

		StepVerifier.create(tokens.decode("forged")).expectError(BadJwtException.class).verify();
		StepVerifier.create(tokens.decode("forged")).expectError(BadJwtException.class).verify();

		assertThat(this.verifications).hasValue(2);
	}

	/**
	 * A decoder that accepts any token, expiring {@code lifetime} after the clock's now.
	 */
	private ReactiveJwtDecoder expiringIn(Duration lifetime) {
		return (token) -> {
			this.verifications.incrementAndGet();
			Instant issued = this.clock.instant();
			if (issued.isAfter(NOW.plus(lifetime))) {
				return Mono.error(new BadJwtException("expired"));
			}
			return Mono.just(Jwt.withTokenValue(token)
				.header("alg", "HS256")
				.subject("42")
				.issuedAt(NOW)
				.expiresAt(NOW.plus(lifetime))
				.build());
		};
	}

	private static final class MovableClock extends Clock {

		private Instant now = NOW;

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
