package dev.surge.api.system;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes problem documents outside controllers: for the security filters, before any
 * handler runs.
 */
@Component
public class ProblemResponses {

	private final JsonMapper json;

	ProblemResponses(JsonMapper json) {
		this.json = json;
	}

	public Mono<Void> unauthorized(ServerWebExchange exchange, AuthenticationException ex) {
		exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
		return write(exchange, ProblemType.UNAUTHORIZED.problem("A valid access token is required"));
	}

	public Mono<Void> forbidden(ServerWebExchange exchange, AccessDeniedException ex) {
		return write(exchange, ProblemType.FORBIDDEN.problem("Your role may not do this"));
	}

	public Mono<Void> write(ServerWebExchange exchange, Problem problem) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(problem.status());
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (problem.retryAfter() != null) {
			response.getHeaders().set("Retry-After", Long.toString(problem.retryAfter().toSeconds()));
		}
		DataBuffer body = response.bufferFactory().wrap(this.json.writeValueAsBytes(problem.toMap()));
		return response.writeWith(Mono.just(body));
	}

}
