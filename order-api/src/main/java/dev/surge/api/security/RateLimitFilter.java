package dev.surge.api.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import dev.surge.api.security.RateLimitProperties.Limit;
import dev.surge.api.security.RateLimitProperties.Route;
import dev.surge.api.system.Problem;
import dev.surge.api.system.ProblemResponses;
import dev.surge.api.system.ProblemType;

import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Draws a token from each bucket of each route the request matches and answers 429 with
 * {@code Retry-After} when one is empty. Runs twice in the security chain: the IP buckets
 * before authentication (so that floods of forged tokens are limited too), the user
 * buckets after it.
 */
public final class RateLimitFilter implements WebFilter {

	/** Whose bucket a filter draws from. */
	public enum Scope {

		IP, USER

	}

	private final Scope scope;

	private final List<MatchedRoute> routes;

	private final RateLimits limits;

	private final ProblemResponses problems;

	private final SecurityLog securityLog;

	public RateLimitFilter(Scope scope, RateLimitProperties properties, RateLimits limits, ProblemResponses problems,
			SecurityLog securityLog) {
		this.scope = scope;
		this.routes = properties.enabled() ? compile(properties.routes(), scope) : List.of();
		this.limits = limits;
		this.problems = problems;
		this.securityLog = securityLog;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		List<MatchedRoute> matched = new ArrayList<>(this.routes.size());
		for (MatchedRoute route : this.routes) {
			if (route.matches(exchange.getRequest())) {
				matched.add(route);
			}
		}
		if (matched.isEmpty()) {
			return chain.filter(exchange);
		}
		return caller(exchange).map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap((caller) -> caller.isPresent() ? draw(exchange, chain, caller.get(), matched)
					: chain.filter(exchange));
	}

	/** Draws from every matched bucket, even after one said no: each request counts. */
	private Mono<Void> draw(ServerWebExchange exchange, WebFilterChain chain, Caller caller,
			List<MatchedRoute> matched) {
		Mono<Verdict> verdict = take(matched.get(0), caller);
		for (MatchedRoute route : matched.subList(1, matched.size())) {
			verdict = verdict.flatMap((earlier) -> take(route, caller).map((later) -> stricter(earlier, later)));
		}
		return verdict.flatMap((result) -> (result instanceof Verdict.Limited limited)
				? reject(exchange, caller, limited) : chain.filter(exchange));
	}

	private Mono<Verdict> take(MatchedRoute route, Caller caller) {
		return this.limits.take(route.name() + ":" + caller.key(), route.limit());
	}

	/** The limit that keeps the caller waiting longest. */
	private static Verdict stricter(Verdict one, Verdict other) {
		if (one instanceof Verdict.Limited first && other instanceof Verdict.Limited second) {
			return (first.retryAfter().compareTo(second.retryAfter()) >= 0) ? first : second;
		}
		return (one instanceof Verdict.Limited) ? one : other;
	}

	private Mono<Caller> caller(ServerWebExchange exchange) {
		if (this.scope == Scope.IP) {
			String ip = SecurityEvent.clientIp(exchange.getRequest());
			return Mono.just(new Caller("ip:" + ((ip != null) ? ip : "unknown"), null));
		}
		return ReactiveSecurityContextHolder.getContext()
			.map(SecurityContext::getAuthentication)
			.filter(JwtAuthenticationToken.class::isInstance)
			.cast(JwtAuthenticationToken.class)
			.map((token) -> new Caller("user:" + token.getToken().getSubject(),
					token.getToken().getClaimAsString("username")));
	}

	private Mono<Void> reject(ServerWebExchange exchange, Caller caller, Verdict.Limited limited) {
		Duration retryAfter = Duration.ofSeconds(Math.max(1, (limited.retryAfter().toMillis() + 999) / 1000));
		this.securityLog.record(SecurityEvent.of(exchange.getRequest(), caller.username(), "RATE_LIMIT", "REJECTED",
				limited.bucket().substring(0, limited.bucket().indexOf(':')) + " per "
						+ this.scope.name().toLowerCase(java.util.Locale.ROOT)));
		Problem problem = ProblemType.RATE_LIMITED
			.problem("Too many requests; try again in " + retryAfter.toSeconds() + " s")
			.with("retryAfterSeconds", retryAfter.toSeconds())
			.retryAfter(retryAfter);
		return this.problems.write(exchange, problem);
	}

	private static List<MatchedRoute> compile(Map<String, Route> routes, Scope scope) {
		List<MatchedRoute> compiled = new ArrayList<>();
		Function<Route, @Nullable Limit> limit = (scope == Scope.IP) ? Route::ip : Route::user;
		routes.forEach((name, route) -> {
			Limit chosen = limit.apply(route);
			if (chosen != null) {
				List<PathPattern> patterns = route.paths()
					.stream()
					.map(PathPatternParser.defaultInstance::parse)
					.toList();
				compiled.add(new MatchedRoute(name, route.methods(), patterns, chosen));
			}
		});
		compiled.sort(Comparator.comparing(MatchedRoute::name));
		return List.copyOf(compiled);
	}

	private record Caller(String key, @Nullable String username) {
	}

	private record MatchedRoute(String name, List<String> methods, List<PathPattern> patterns, Limit limit) {

		boolean matches(ServerHttpRequest request) {
			if (!this.methods.isEmpty()
					&& this.methods.stream().noneMatch(request.getMethod().name()::equalsIgnoreCase)) {
				return false;
			}
			PathContainer path = request.getPath().pathWithinApplication();
			return this.patterns.stream().anyMatch((pattern) -> pattern.matches(path));
		}

	}

}
