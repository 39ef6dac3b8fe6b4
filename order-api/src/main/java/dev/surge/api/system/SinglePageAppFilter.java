package dev.surge.api.system;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Serves the UI's {@code index.html} for its client-side routes such as
 * {@code /orders/42}.
 */
@Component
class SinglePageAppFilter implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (isUiRoute(exchange)) {
			return chain.filter(exchange.mutate().request((request) -> request.path("/index.html")).build());
		}
		return chain.filter(exchange);
	}

	private static boolean isUiRoute(ServerWebExchange exchange) {
		if (exchange.getRequest().getMethod() != HttpMethod.GET) {
			return false;
		}
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		return !path.equals("/") && !path.startsWith("/api") && !path.startsWith("/actuator")
				&& !path.startsWith(ApiReference.DOCS_PATH) && !path.substring(path.lastIndexOf('/')).contains(".");
	}

}
