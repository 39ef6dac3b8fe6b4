package dev.surge.api.security;

import reactor.core.publisher.Mono;

import dev.surge.api.system.ProblemResponses;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers 401 and 403 as problems, and puts invalid tokens and denied access in the
 * security log. A request that simply has no token is not logged: browsing the shop
 * before logging in is not an event.
 */
@Component
public class DeniedAccess implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

	private final ProblemResponses problems;

	private final SecurityLog log;

	DeniedAccess(ProblemResponses problems, SecurityLog log) {
		this.problems = problems;
		this.log = log;
	}

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
		if (ex instanceof OAuth2AuthenticationException || ex.getCause() instanceof OAuth2AuthenticationException) {
			this.log.record(SecurityEvent.of(exchange.getRequest(), null, "TOKEN", "INVALID", ex.getMessage()));
		}
		return this.problems.unauthorized(exchange, ex);
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
		return exchange.getPrincipal()
			.map((principal) -> (principal instanceof JwtAuthenticationToken token)
					? token.getToken().getClaimAsString("username") : principal.getName())
			.defaultIfEmpty("")
			.doOnNext((username) -> this.log.record(SecurityEvent.of(exchange.getRequest(),
					username.isEmpty() ? null : username, "ACCESS", "DENIED", "role may not call this route")))
			.then(this.problems.forbidden(exchange, denied));
	}

}
