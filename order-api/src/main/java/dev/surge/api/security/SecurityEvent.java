package dev.surge.api.security;

import java.net.InetSocketAddress;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * One row of the security log.
 *
 * @param at when
 * @param username who, when known
 * @param ip the client's address
 * @param route method and path
 * @param action what was tried, e.g. {@code LOGIN}
 * @param outcome how it ended, e.g. {@code FAILED}
 * @param detail anything else worth knowing
 */
public record SecurityEvent(Instant at, @Nullable String username, @Nullable String ip, @Nullable String route,
		String action, String outcome, @Nullable String detail) {

	public static SecurityEvent of(ServerHttpRequest request, @Nullable String username, String action, String outcome,
			@Nullable String detail) {
		return new SecurityEvent(Instant.now(), username, clientIp(request),
				request.getMethod().name() + " " + request.getPath().value(), action, outcome, detail);
	}

	/** The peer address; behind a proxy, set {@code server.forward-headers-strategy}. */
	public static @Nullable String clientIp(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		if (remote == null) {
			return null;
		}
		return (remote.getAddress() != null) ? remote.getAddress().getHostAddress() : remote.getHostString();
	}

}
