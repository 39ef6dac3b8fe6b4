package dev.surge.api.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Token buckets per route, per user and per client IP, kept in Redis so that every API
 * instance draws from the same buckets. A request draws one token from every bucket of
 * every route it matches. Routes are a map, so that one key can be raised from the
 * environment ({@code SURGE_RATELIMIT_ROUTES_API_IP_CAPACITY}).
 *
 * @param enabled false turns every limit off
 * @param routes the limited routes by name
 * @param logins failed logins per username
 */
@Validated
@ConfigurationProperties("surge.ratelimit")
public record RateLimitProperties(boolean enabled, Map<String, @Valid Route> routes, @Valid @NotNull Limit logins) {

	public RateLimitProperties {
		routes = (routes != null) ? Map.copyOf(routes) : Map.of();
	}

	/**
	 * One limited route.
	 *
	 * @param methods HTTP methods; empty for all
	 * @param paths path patterns such as {@code /api/**}
	 * @param user bucket per authenticated user, if any
	 * @param ip bucket per client IP, if any
	 */
	public record Route(@Nullable List<String> methods, @NotEmpty List<String> paths, @Valid @Nullable Limit user,
			@Valid @Nullable Limit ip) {

		public Route {
			methods = (methods != null) ? List.copyOf(methods) : List.of();
			paths = List.copyOf(paths);
		}

	}

	/**
	 * A bucket that holds {@code capacity} tokens and refills them greedily over
	 * {@code period}.
	 *
	 * @param capacity tokens when full
	 * @param period time to refill from empty
	 */
	public record Limit(@Min(1) @Max(1_000_000_000) long capacity, @NotNull Duration period) {
	}

}
