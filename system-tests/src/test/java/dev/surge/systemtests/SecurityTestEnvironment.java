package dev.surge.systemtests;

import java.util.Map;

/**
 * What the tests add to the services' environment for the security features, by
 * configuration only: the Redis password that order-api requires outside the demo run
 * (the test Redis has no password, and accepts any for the {@code default} user), and
 * per-IP limits raised because every test client shares 127.0.0.1. Per-user limits and
 * the failed-login limit keep their production defaults.
 */
final class SecurityTestEnvironment {

	static final Map<String, String> VARIABLES = Map.of("SPRING_DATA_REDIS_USERNAME", "default",
			"SPRING_DATA_REDIS_PASSWORD", "system-tests-redis", "SURGE_RATELIMIT_ROUTES_API_IP_CAPACITY", "1000000",
			"SURGE_RATELIMIT_ROUTES_LOGIN_IP_CAPACITY", "1000000", "SURGE_RATELIMIT_ROUTES_REGISTER_IP_CAPACITY",
			"1000000");

	private SecurityTestEnvironment() {
	}

}
