package dev.surge.systemtests;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.surge.systemtests.Shop.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who may call what, on the running API: every route of the route table in both
 * directions, tokens that must not get in, actuator, headers, login throttling, the
 * security log, and the secrets the API, the consumer and stock-sync do not start
 * without.
 */
@Order(70)
class SecurityIntegrationTests {

	/** Who may call a route. */
	enum Access {

		/** anyone, no token */
		PUBLIC,
		/** any logged-in user */
		USER,
		/** a logged-in user, about an order of their own (404 for anyone else's) */
		OWNER,
		/** ADMIN only */
		ADMIN

	}

	/**
	 * Every handler method of the API. A route that is not here fails
	 * {@link #theRouteTableNamesEveryRoute}.
	 */
	static final Map<String, Access> ROUTES = Map.ofEntries(Map.entry("POST /api/auth/token", Access.PUBLIC),
			Map.entry("POST /api/users", Access.PUBLIC), Map.entry("GET /api/products", Access.PUBLIC),
			Map.entry("GET /api/products/{id}", Access.PUBLIC), Map.entry("POST /api/orders", Access.USER),
			Map.entry("GET /api/orders", Access.USER), Map.entry("GET /api/events", Access.USER),
			Map.entry("GET /api/orders/{id}", Access.OWNER), Map.entry("POST /api/orders/{id}/payment", Access.OWNER),
			Map.entry("POST /api/orders/{id}/cancel", Access.OWNER),
			Map.entry("POST /api/orders/{id}/refund", Access.OWNER), Map.entry("GET /api/admin/orders", Access.ADMIN),
			Map.entry("GET /api/admin/stats", Access.ADMIN), Map.entry("GET /api/admin/logs", Access.ADMIN),
			Map.entry("GET /api/admin/inventory/low-stock", Access.ADMIN),
			Map.entry("POST /api/admin/demo/reset", Access.ADMIN), Map.entry("POST /api/admin/products", Access.ADMIN),
			Map.entry("PUT /api/admin/products/{id}", Access.ADMIN),
			Map.entry("DELETE /api/admin/products/{id}", Access.ADMIN),
			Map.entry("POST /api/admin/products/{id}/restock", Access.ADMIN),
			Map.entry("POST /api/admin/orders/{id}/fulfilment", Access.ADMIN),
			Map.entry("POST /api/admin/orders/{id}/refund-decision", Access.ADMIN));

	/** A body of the right shape for each route that takes one. */
	static final Map<String, String> BODIES = Map.ofEntries(
			Map.entry("POST /api/auth/token", "{\"username\":\"x\",\"password\":\"short\"}"),
			Map.entry("POST /api/users", "{\"username\":\"x\",\"password\":\"short\"}"),
			Map.entry("POST /api/orders", "{\"productId\":987654321987,\"quantity\":1}"),
			Map.entry("POST /api/orders/{id}/payment", "{\"outcome\":\"SUCCESS\"}"),
			Map.entry("POST /api/orders/{id}/cancel", "{\"reason\":\"not mine\"}"),
			Map.entry("POST /api/orders/{id}/refund", "{\"reason\":\"not mine\"}"),
			Map.entry("POST /api/admin/products", "{}"), Map.entry("PUT /api/admin/products/{id}", "{}"),
			Map.entry("POST /api/admin/products/{id}/restock", "{}"),
			Map.entry("POST /api/admin/orders/{id}/fulfilment", "{}"),
			Map.entry("POST /api/admin/orders/{id}/refund-decision", "{}"));

	@Test
	void theRouteTableNamesEveryRoute() {
		Set<String> served = servedRoutes();

		assertThat(served).as("routes served by the API but missing from the access table of this test")
			.isSubsetOf(ROUTES.keySet());
		assertThat(ROUTES.keySet()).as("routes in the table that the API no longer serves").isSubsetOf(served);
	}

	@Test
	void everyRouteDeniesWhoMayNotCallItAndAdmitsWhoMay() {
		Shop.User owner = Shop.customer();
		Shop.User other = Shop.customer();
		String admin = Shop.admin();
		long product = Shop.product(10);
		long order = Lifecycle.place(owner, product, 1);
		Stores.awaitStatus(order, "PENDING_PAYMENT");
		List<String> failures = new ArrayList<>();

		for (Map.Entry<String, Access> route : new java.util.TreeMap<>(ROUTES).entrySet()) {
			String key = route.getKey();
			String path = key.substring(key.indexOf(' ') + 1)
				.replace("{id}", Long.toString(key.contains("/products/") ? product : order));
			if (key.startsWith("POST /api/admin/demo") || key.startsWith("PUT ") || key.startsWith("DELETE ")) {
				path = path.replace(Long.toString(product), "987654321987");
			}
			switch (route.getValue()) {
				case PUBLIC -> expect(failures, key, path, null, (status) -> status != 401 && status != 403);
				case USER -> {
					expectAnonymousRefused(failures, key, path, owner);
					expect(failures, key, path, owner.token(), (status) -> status != 401 && status != 403);
				}
				case OWNER -> {
					expectAnonymousRefused(failures, key, path, owner);
					expect(failures, key, path, other.token(), (status) -> status == 404);
				}
				case ADMIN -> {
					expectAnonymousRefused(failures, key, path, owner);
					expect(failures, key, path, owner.token(), (status) -> status == 403);
					expect(failures, key, path, admin, (status) -> status != 401 && status != 403);
				}
			}
		}

		assertThat(failures).isEmpty();
		// nothing another customer sent reached the order
		assertThat(Stores.status(order)).isEqualTo("PENDING_PAYMENT");
		assertThat(Stores.payments(order, "SUCCESS")).isZero();
		// and the owner may act on it
		assertThat(api().post("/api/orders/" + order + "/cancel", owner.token(), Map.of("reason", "changed my mind"))
			.status()).isEqualTo(202);
		Stores.awaitStatus(order, "CANCELLED");
		assertThat(
				api().post("/api/orders/" + order + "/payment", owner.token(), Map.of("outcome", "SUCCESS")).status())
			.isEqualTo(409);
		assertThat(api().post("/api/orders/" + order + "/refund", owner.token(), Map.of()).status()).isEqualTo(409);
		assertThat(api().get("/api/orders/" + order, owner.token()).status()).isEqualTo(200);
	}

	@Test
	void forgedExpiredAndUnsignedTokensAreUnauthorized() {
		Shop.User customer = Shop.customer();
		Map<String, String> tokens = new HashMap<>();
		tokens.put("wrong key", Tokens.wrongKey(customer.id(), customer.username(), "ADMIN"));
		tokens.put("alg none", Tokens.unsigned(customer.id(), customer.username(), "ADMIN"));
		tokens.put("expired", Tokens.expired(customer.id(), customer.username(), "CUSTOMER"));
		tokens.put("HS512", Tokens.otherAlgorithm(customer.id(), customer.username(), "ADMIN"));
		tokens.put("tampered", Tokens.tampered(customer.token()));
		tokens.put("garbage", "a.b.c");

		tokens.forEach((kind, token) -> {
			for (String path : List.of("/api/orders", "/api/admin/stats")) {
				Api.Response answer = api().get(path, token);
				assertThat(answer.status()).as(kind + " on " + path).isEqualTo(401);
				assertProblem(answer, "/problems/unauthorized");
			}
		});
		await().untilAsserted(() -> assertThat(securityLog("TOKEN"))
			.anySatisfy((entry) -> assertThat(entry.path("reason").asString()).isEqualTo("INVALID")));
	}

	@Test
	void actuatorShowsOnlyHealthAndMetricsToTheWorld() {
		Shop.User customer = Shop.customer();

		assertThat(api().get("/actuator/health", null).status()).isEqualTo(200);
		assertThat(api().get("/actuator/prometheus", null).status()).isEqualTo(200);
		for (String endpoint : List.of("/actuator/info", "/actuator/mappings", "/actuator/env",
				"/actuator/configprops")) {
			assertThat(api().get(endpoint, null).status()).as(endpoint).isEqualTo(401);
			assertThat(api().get(endpoint, customer.token()).status()).as(endpoint).isEqualTo(403);
		}
		assertThat(api().get("/actuator/mappings", Shop.admin()).status()).isEqualTo(200);
	}

	@Test
	void healthShowsItsDetailsToAdminsOnly() {
		Shop.User customer = Shop.customer();

		for (String token : java.util.Arrays.asList(null, customer.token())) {
			Api.Response health = api().get("/actuator/health", token);
			assertThat(health.status()).isEqualTo(200);
			assertThat(health.json().path("status").asString()).isEqualTo("UP");
			assertThat(health.json().has("components"))
				.as("components shown to %s", (token != null) ? "a customer" : "anyone")
				.isFalse();
		}
		Api.Response asAdmin = api().get("/actuator/health", Shop.admin());
		assertThat(asAdmin.json().at("/components/circuitBreakers/details/redis/details/state").asString())
			.isEqualTo("CLOSED");
		assertThat(asAdmin.json().at("/components/redis/status").asString()).isEqualTo("UP");
	}

	@Test
	void answersCarrySecurityHeadersAndNoCorsForStrangers() {
		Api.Response page = Http.send(api().url(""), "GET", "/", null);
		assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'")
			.contains("frame-ancestors 'none'");
		assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
		assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");

		Api.Response preflight = Http.send(api().url(""), "OPTIONS", "/api/orders", null, "Origin",
				"https://evil.example", "Access-Control-Request-Method", "POST");
		assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
	}

	@Test
	void loginsAreThrottledPerUserWithoutTellingWhoExists() {
		Shop.User victim = Shop.customer();
		Map<String, String> wrong = Map.of("username", victim.username(), "password", "wrong-password");
		Api.Response unknown = api().post("/api/auth/token", null,
				Map.of("username", victim.username() + "_nobody", "password", "wrong-password"));

		for (int attempt = 0; attempt < 10; attempt++) {
			Api.Response failed = api().post("/api/auth/token", null, wrong);
			assertThat(failed.status()).isEqualTo(401);
			assertThat(failed.text()).isEqualTo(unknown.text());
		}
		Api.Response throttled = api().post("/api/auth/token", null,
				Map.of("username", victim.username(), "password", Shop.PASSWORD));

		assertThat(throttled.status()).isEqualTo(429);
		assertThat(Long.parseLong(throttled.header("Retry-After"))).isPositive();
		assertProblem(throttled, "/problems/login-throttled");
		await().untilAsserted(() -> {
			List<JsonNode> entries = securityLog("LOGIN", victim.username());
			assertThat(entries).anySatisfy((entry) -> {
				assertThat(entry.path("operator").asString()).isEqualTo(victim.username());
				assertThat(entry.path("reason").asString()).isEqualTo("FAILED");
				assertThat(entry.path("detail").asString()).contains("POST /api/auth/token").contains("from ");
			});
			assertThat(entries)
				.anySatisfy((entry) -> assertThat(entry.path("reason").asString()).isEqualTo("THROTTLED"));
		});
	}

	@Test
	void deniedAccessAndAdminActionsAreInTheSecurityLog() {
		Shop.User customer = Shop.customer();
		api().get("/api/admin/stats", customer.token());
		api().post("/api/admin/products/987654321987/restock", Shop.admin(), Map.of("quantity", 1));

		await().untilAsserted(() -> {
			assertThat(securityLog("ACCESS", customer.username())).anySatisfy((entry) -> {
				assertThat(entry.path("operator").asString()).isEqualTo(customer.username());
				assertThat(entry.path("reason").asString()).isEqualTo("DENIED");
				assertThat(entry.path("detail").asString()).contains("GET /api/admin/stats");
			});
			assertThat(securityLog("ADMIN_ACTION")).anySatisfy((entry) -> assertThat(entry.path("detail").asString())
				.contains("POST /api/admin/products/987654321987/restock"));
		});
	}

	@Test
	void anotherCustomersOrderIsNotFoundAndTheAttemptIsInTheSecurityLog() {
		Shop.User owner = Shop.customer();
		Shop.User other = Shop.customer();
		long order = Lifecycle.place(owner, Shop.product(10), 1);
		Stores.awaitStatus(order, "PENDING_PAYMENT");
		Api.Response missing = api().get("/api/orders/987654321987", other.token());
		Map<String, Api.Response> attempts = new java.util.LinkedHashMap<>();

		attempts.put("GET /api/orders/" + order, api().get("/api/orders/" + order, other.token()));
		attempts.put("POST /api/orders/" + order + "/payment",
				api().post("/api/orders/" + order + "/payment", other.token(), Map.of("outcome", "SUCCESS")));
		attempts.put("POST /api/orders/" + order + "/cancel",
				api().post("/api/orders/" + order + "/cancel", other.token(), Map.of("reason", "not mine")));
		attempts.put("POST /api/orders/" + order + "/refund",
				api().post("/api/orders/" + order + "/refund", other.token(), Map.of("reason", "not mine")));

		// the same answer as for an order that does not exist
		assertThat(missing.status()).isEqualTo(404);
		attempts.forEach((route, answer) -> {
			assertThat(answer.status()).as(route).isEqualTo(404);
			assertProblem(answer, missing.json().path("type").asString());
		});
		await().untilAsserted(() -> {
			List<JsonNode> denied = securityLog("ACCESS", other.username()).stream()
				.filter((entry) -> "NOT_OWNER".equals(entry.path("reason").asString()))
				.toList();
			for (String route : attempts.keySet()) {
				assertThat(denied).as(route).anySatisfy((entry) -> {
					assertThat(entry.path("operator").asString()).isEqualTo(other.username());
					assertThat(entry.path("detail").asString()).contains(route).contains("from ");
				});
			}
			// a mistyped id is not an attack: the log is written in order, so it would be
			// there by now
			assertThat(denied)
				.noneSatisfy((entry) -> assertThat(entry.path("detail").asString()).contains("987654321987"));
		});
		assertThat(securityLog("ACCESS", owner.username()))
			.noneSatisfy((entry) -> assertThat(entry.path("reason").asString()).isEqualTo("NOT_OWNER"));
		assertThat(Stores.status(order)).isEqualTo("PENDING_PAYMENT");
	}

	@Test
	void signUpDoesNotTellWhetherTheUsernameIsTaken() {
		Shop.User existing = Shop.customer();
		String fresh = existing.username() + "_new";

		Api.Response created = api().post("/api/users", null, Map.of("username", fresh, "password", Shop.PASSWORD));
		Api.Response taken = api().post("/api/users", null,
				Map.of("username", existing.username(), "password", "another-password"));
		Api.Response again = api().post("/api/users", null, Map.of("username", fresh, "password", Shop.PASSWORD));

		assertThat(created.status()).isEqualTo(202);
		assertThat(taken.status()).isEqualTo(202);
		assertThat(again.status()).isEqualTo(202);
		assertThat(again.text()).isEqualTo(created.text());
		assertThat(again.header("Location")).isNull();
		assertThat(taken.text()).isEqualTo(created.text().replace(fresh, existing.username()));
		// the account was not touched: its password still works, the other one does not
		assertThat(Shop.login(existing.username(), Shop.PASSWORD)).isNotBlank();
		assertThat(api()
			.post("/api/auth/token", null, Map.of("username", existing.username(), "password", "another-password"))
			.status()).isEqualTo(401);
		// both paths cost a bcrypt: a taken name answers about as fast as a new one
		long newName = fastestSignUp(
				() -> existing.username() + "_t" + java.util.UUID.randomUUID().toString().substring(0, 8));
		long takenName = fastestSignUp(existing::username);
		assertThat(takenName).as("fastest sign-up with a taken name, ns").isBetween(newName / 3, newName * 3);
		await().untilAsserted(() -> assertThat(securityLog("REGISTER", existing.username())).anySatisfy((entry) -> {
			assertThat(entry.path("reason").asString()).isEqualTo("USERNAME_TAKEN");
			assertThat(entry.path("detail").asString()).contains("POST /api/users");
		}));
	}

	@Test
	void theConsumerRefusesToStartWithoutItsPasswordsOutsideTheDemo() throws Exception {
		Map<String, String> env = ExtraApi.environment();
		env.remove("SPRING_DATASOURCE_PASSWORD");
		env.remove("SPRING_DATA_REDIS_PASSWORD");

		SurgeSystem.CommandResult result = ExtraApi.run("order-consumer", env);

		assertThat(result.exitCode()).isNotZero();
		assertThat(result.output())
			.contains("Refusing to start without SPRING_DATASOURCE_PASSWORD and SPRING_DATA_REDIS_PASSWORD")
			.doesNotContain("Flyway");
	}

	@Test
	void stockSyncRefusesToRunWithoutItsPasswordsOutsideTheDemo() throws Exception {
		Map<String, String> env = ExtraApi.environment();
		env.remove("SPRING_DATA_REDIS_PASSWORD");

		SurgeSystem.CommandResult result = ExtraApi.run("stock-sync", env, "check");

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.output().strip()).isEqualTo(
				"stock-sync: Refusing to start without SPRING_DATA_REDIS_PASSWORD (only the demo run, SURGE_DEMO_ENABLED=true, "
						+ "may do without); or give --db-password-file / --redis-password-file");
		// the demo run may do without
		env.put("SURGE_DEMO_ENABLED", "true");
		SurgeSystem.CommandResult demo = ExtraApi.run("stock-sync", env, "check");
		assertThat(demo.output()).doesNotContain("Refusing");
		assertThat(demo.exitCode()).as(demo.output()).isNotEqualTo(2);
	}

	@Test
	void theApiRefusesToStartWithoutItsPasswordsOutsideTheDemo() throws Exception {
		Map<String, String> env = ExtraApi.environment();
		env.remove("SPRING_DATASOURCE_PASSWORD");
		env.remove("SPRING_DATA_REDIS_PASSWORD");

		SurgeSystem.CommandResult result = ExtraApi.run(env);

		assertThat(result.exitCode()).isNotZero();
		assertThat(result.output())
			.contains("Refusing to start without SPRING_DATASOURCE_PASSWORD and SPRING_DATA_REDIS_PASSWORD");
	}

	/** The fastest of three sign-ups, in nanoseconds. */
	private static long fastestSignUp(java.util.function.Supplier<String> username) {
		long fastest = Long.MAX_VALUE;
		for (int i = 0; i < 3; i++) {
			long began = System.nanoTime();
			assertThat(api().post("/api/users", null, Map.of("username", username.get(), "password", "timing-password"))
				.status()).isEqualTo(202);
			fastest = Math.min(fastest, System.nanoTime() - began);
		}
		return fastest;
	}

	static void assertProblem(Api.Response answer, String type) {
		assertThat(answer.contentType()).as(answer.text()).startsWith("application/problem+json");
		assertThat(answer.json().path("type").asString()).isEqualTo(type);
		assertThat(answer.json().path("status").asInt()).isEqualTo(answer.status());
	}

	private static void expectAnonymousRefused(List<String> failures, String key, String path, Shop.User user) {
		expect(failures, key, path, null, (status) -> status == 401);
		expect(failures, key, path, Tokens.wrongKey(user.id(), user.username(), "ADMIN"), (status) -> status == 401);
		expect(failures, key, path, Tokens.unsigned(user.id(), user.username(), "ADMIN"), (status) -> status == 401);
		expect(failures, key, path, Tokens.tampered(user.token()), (status) -> status == 401);
		expect(failures, key, path, Tokens.expired(user.id(), user.username(), "CUSTOMER"), (status) -> status == 401);
	}

	private static void expect(List<String> failures, String key, String path, String token,
			java.util.function.IntPredicate expected) {
		String method = key.substring(0, key.indexOf(' '));
		String body = BODIES.get(key);
		List<String> headers = new ArrayList<>();
		if (token != null) {
			headers.addAll(List.of("Authorization", "Bearer " + token));
		}
		if (body != null) {
			headers.addAll(List.of("Content-Type", "application/json"));
		}
		Api.Response answer = Http.send(api().url(""), method, path, body, headers.toArray(String[]::new));
		String who = (token == null) ? "no token" : token.substring(0, Math.min(12, token.length())) + "…";
		if (!expected.test(answer.status())) {
			failures.add(key + " as " + who + " -> " + answer.status() + " " + answer.text());
		}
		else if (answer.status() >= 400 && !answer.contentType().startsWith("application/problem+json")) {
			failures.add(key + " as " + who + " -> " + answer.status() + " without a problem document");
		}
	}

	/** Method and pattern of every handler method of the API, from /actuator/mappings. */
	static Set<String> servedRoutes() {
		Api.Response mappings = api().get("/actuator/mappings", Shop.admin());
		assertThat(mappings.status()).isEqualTo(200);
		Set<String> routes = new TreeSet<>();
		for (JsonNode context : mappings.json().path("contexts")) {
			for (JsonNode mapping : context.path("mappings").path("dispatcherHandlers").path("webHandler")) {
				JsonNode details = mapping.path("details");
				if (!details.path("handlerMethod").path("className").asString("").startsWith("dev.surge.")) {
					continue;
				}
				JsonNode conditions = details.path("requestMappingConditions");
				for (JsonNode pattern : conditions.path("patterns")) {
					for (JsonNode method : conditions.path("methods")) {
						routes.add(method.asString() + " " + pattern.asString());
					}
				}
			}
		}
		assertThat(routes).as("routes found in /actuator/mappings").isNotEmpty();
		return routes;
	}

	private static List<JsonNode> securityLog(String action) {
		return securityLog(action, "");
	}

	private static List<JsonNode> securityLog(String action, String operator) {
		Api.Response logs = api().get(
				"/api/admin/logs?type=SECURITY&size=100" + (operator.isEmpty() ? "" : "&operator=" + operator),
				Shop.admin());
		assertThat(logs.status()).as(logs.text()).isEqualTo(200);
		List<JsonNode> entries = new ArrayList<>();
		for (JsonNode entry : logs.json().path("content")) {
			if (action.equals(entry.path("action").asString())) {
				entries.add(entry);
			}
		}
		return entries;
	}

}
