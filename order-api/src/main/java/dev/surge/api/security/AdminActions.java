package dev.surge.api.security;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Puts every change made by an admin (any method but GET, HEAD and OPTIONS) in the
 * security log with its outcome, once the answer's status is known.
 */
public final class AdminActions implements WebFilter {

	private final SecurityLog log;

	public AdminActions(SecurityLog log) {
		this.log = log;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		HttpMethod method = exchange.getRequest().getMethod();
		if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
			return chain.filter(exchange);
		}
		return ReactiveSecurityContextHolder.getContext()
			.map(SecurityContext::getAuthentication)
			.filter(JwtAuthenticationToken.class::isInstance)
			.cast(JwtAuthenticationToken.class)
			.filter((token) -> "ADMIN".equals(token.getToken().getClaimAsString("role")))
			.doOnNext((token) -> exchange.getResponse().beforeCommit(() -> {
				record(exchange, token.getToken().getClaimAsString("username"));
				return Mono.empty();
			}))
			.then(chain.filter(exchange));
	}

	private void record(ServerWebExchange exchange, String username) {
		HttpStatusCode status = exchange.getResponse().getStatusCode();
		int code = (status != null) ? status.value() : 200;
		this.log.record(SecurityEvent.of(exchange.getRequest(), username, "ADMIN_ACTION",
				(code < 400) ? "OK" : "FAILED", "status " + code));
	}

}
