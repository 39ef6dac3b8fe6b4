package dev.surge.api.security;

import reactor.core.publisher.Mono;

import dev.surge.api.system.ProblemResponses;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The web edge of a route slice, from this package: the strict JSON decoder, 401 and 403
 * as problems, the login throttle, and rate-limit buckets that always hold a token (the
 * real ones live in Redis). The security log is each slice's own mock.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ StrictJson.class, DeniedAccess.class, ProblemResponses.class, LoginThrottle.class })
@EnableConfigurationProperties({ InputProperties.class, RateLimitProperties.class })
public class SecuredEdge {

	@Bean
	RateLimits openBuckets() {
		RateLimits limits = mock();
		given(limits.take(any(), any())).willReturn(Mono.just(Verdict.ALLOWED));
		given(limits.peek(any(), any())).willReturn(Mono.just(Verdict.ALLOWED));
		return limits;
	}

}
