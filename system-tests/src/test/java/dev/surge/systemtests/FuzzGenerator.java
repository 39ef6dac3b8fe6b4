package dev.surge.systemtests;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** Seeded: the same seed gives the same 10,000 requests. */
final class FuzzGenerator {

	private static final long UNKNOWN_PRODUCT = 987_654_321_987L;

	private static final List<String> NASTY = List.of("' OR '1'='1", "\"; DROP TABLE orders; --",
			"<script>alert(1)</script>", "${jndi:ldap://x/a}", "../../../../etc/passwd", "%00", "\u0000",
			"\u202Egnp.exe", "\uD800", "ｆｕｌｌ", "e\u0301", "🧨💥", "\u200B", "\r\nSet-Cookie: a=b", "{{7*7}}",
			"$(reboot)", "NaN", "-0", "1e309", "null", "true", "[]", "{}", "𝕊𝕦𝕣𝕘𝕖", "اختبار", "\\u0000",
			"A".repeat(300));

	private static final List<String> NUMBERS = List.of("0", "-1", "-9223372036854775808", "9223372036854775807",
			"9223372036854775808", "99999999999999999999999999", "1e400", "1.5", "-0.0", "0x10", "1_000", "NaN",
			"Infinity", "\"12\"", "true", "null", "[]", "{}", "2147483648", "-2147483649", "1" + "0".repeat(500));

	private static final Set<Integer> BAD_REQUEST = Set.of(400);

	private final SplittableRandom random;

	private final List<Shop.User> attackers;

	private final Shop.User owner;

	private final long order;

	private final long product;

	FuzzGenerator(SplittableRandom random, List<Shop.User> attackers, Shop.User owner, long order, long product) {
		this.random = random;
		this.attackers = attackers;
		this.owner = owner;
		this.order = order;
		this.product = product;
	}

	FuzzCase next() {
		return switch (this.random.nextInt(12)) {
			case 0 -> malformedOrder();
			case 1 -> wrongTypes();
			case 2 -> deepNesting();
			case 3 -> hugeBody();
			case 4 -> oddText();
			case 5 -> wrongMethod();
			case 6 -> wrongContentType();
			case 7 -> badAuth();
			case 8 -> othersOrder();
			case 9 -> badPathsAndPaging();
			case 10 -> badRegistrationOrLogin();
			default -> customerOnAdmin();
		};
	}

	private FuzzCase malformedOrder() {
		String valid = "{\"productId\":" + UNKNOWN_PRODUCT + ",\"quantity\":1}";
		String body = switch (this.random.nextInt(6)) {
			case 0 -> valid.substring(0, this.random.nextInt(valid.length()));
			case 1 -> valid + "}";
			case 2 -> valid.replace(":1}", ":1,\"quantity\":2}");
			case 3 -> "{\"productId\":" + pick(NUMBERS) + ",\"quantity\":" + pick(NUMBERS) + "}";
			case 4 -> "{\"items\":[" + "{\"productId\":" + pick(NUMBERS) + ",\"quantity\":" + pick(NUMBERS) + "}],"
					+ "\"x\":1}";
			default -> randomBytes(1 + this.random.nextInt(200));
		};
		return json("malformed-json", "POST", "/api/orders", body, user(), Set.of(400, 404), idempotencyKey());
	}

	private FuzzCase wrongTypes() {
		String[] bodies = { "[]", "\"order\"", "42", "null", "{\"productId\":[1],\"quantity\":{}}",
				"{\"productId\":true,\"quantity\":1}", "{\"productId\":" + this.product + ",\"quantity\":1.5}",
				"{\"productId\":\"" + this.product + "\",\"quantity\":\"1\"}",
				"{\"productId\":" + this.product + ",\"quantity\":" + pick(NUMBERS) + ",\"extra\":1}",
				"{\"productId\":" + this.product + ",\"quantity\":-" + (1 + this.random.nextInt(1000)) + "}",
				"{\"productId\":" + this.product + ",\"quantity\":" + (101 + this.random.nextInt(1_000_000)) + "}" };
		String route = switch (this.random.nextInt(3)) {
			case 0 -> "/api/orders";
			case 1 -> "/api/orders/" + this.order + "/payment";
			default -> "/api/orders/" + this.order + "/cancel";
		};
		String body = bodies[this.random.nextInt(bodies.length)];
		if (!route.equals("/api/orders")) {
			body = pick(List.of("{\"outcome\":1}", "{\"outcome\":\"success\"}", "{\"outcome\":null}",
					"{\"reason\":" + pick(List.of("12", "1.5", "true", "[]", "{}")) + "}", "{\"reason\":[\"a\"]}", "[]",
					"{\"outcome\":\"SUCCESS\",\"x\":1}", "{\"reason\":\"" + "r".repeat(201) + "\"}"));
		}
		// the order is the owner's: the owner's own malformed commands
		return json("wrong-types", "POST", route, body, route.equals("/api/orders") ? user() : this.owner.token(),
				BAD_REQUEST, idempotencyKey());
	}

	private FuzzCase deepNesting() {
		int depth = 20 + this.random.nextInt(5000);
		String body = "{\"items\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
		if (this.random.nextBoolean()) {
			body = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
		}
		return json("deep-nesting", "POST", "/api/orders", body, user(), Set.of(400, 413), idempotencyKey());
	}

	private FuzzCase hugeBody() {
		int size = 70_000 + this.random.nextInt(400_000);
		String body = "{\"productId\":" + UNKNOWN_PRODUCT + ",\"quantity\":1,\"pad\":\"" + "x".repeat(size) + "\"}";
		boolean chunked = this.random.nextBoolean();
		String route = pick(
				List.of("/api/orders", "/api/auth/token", "/api/users", "/api/orders/" + this.order + "/cancel"));
		return new FuzzCase(chunked ? "huge-body-chunked" : "huge-body", "POST", route,
				body.getBytes(StandardCharsets.UTF_8), chunked,
				new String[] { "Content-Type", "application/json", "Authorization", "Bearer " + user() }, Set.of(413));
	}

	private FuzzCase oddText() {
		String text = pick(NASTY) + pick(NASTY);
		String escaped = text.replace("\\", "\\\\").replace("\"", "\\\"");
		return switch (this.random.nextInt(3)) {
			case 0 -> json("odd-text", "POST", "/api/users",
					"{\"username\":\"bad user " + escaped + "\",\"password\":\"" + escaped + "-long-enough\"}", null,
					BAD_REQUEST, null);
			case 1 -> json("odd-text", "POST", "/api/orders/" + this.order + "/cancel",
					"{\"reason\":\"" + escaped + "\",\"more\":1}", this.owner.token(), BAD_REQUEST, null);
			default -> json("odd-text", "POST", "/api/orders", "{\"productId\":" + UNKNOWN_PRODUCT + ",\"quantity\":1}",
					user(), Set.of(400, 404), "key " + text.replace("\r", "").replace("\n", "").replace("\u0000", ""));
		};
	}

	private FuzzCase wrongMethod() {
		String[] routes = { "/api/orders", "/api/orders/" + this.order, "/api/products", "/api/auth/token",
				"/api/orders/" + this.order + "/payment" };
		String method = pick(List.of("PUT", "DELETE", "PATCH"));
		return new FuzzCase("wrong-method", method, routes[this.random.nextInt(routes.length)],
				"{}".getBytes(StandardCharsets.UTF_8), false,
				new String[] { "Content-Type", "application/json", "Authorization", "Bearer " + user() }, Set.of(405));
	}

	private FuzzCase wrongContentType() {
		String type = pick(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
				"multipart/form-data; boundary=x", "application/javascript", "text/json", "image/png"));
		String route = pick(
				List.of("/api/orders", "/api/auth/token", "/api/users", "/api/orders/" + this.order + "/payment"));
		return new FuzzCase("wrong-content-type", "POST", route,
				("{\"productId\":" + UNKNOWN_PRODUCT + ",\"quantity\":1}").getBytes(StandardCharsets.UTF_8), false,
				new String[] { "Content-Type", type, "Authorization", "Bearer " + user() }, Set.of(415));
	}

	private FuzzCase badAuth() {
		Shop.User victim = this.attackers.get(this.random.nextInt(this.attackers.size()));
		String authorization = switch (this.random.nextInt(9)) {
			case 0 -> "Bearer " + Tokens.wrongKey(victim.id(), victim.username(), "ADMIN");
			case 1 -> "Bearer " + Tokens.unsigned(victim.id(), victim.username(), "ADMIN");
			case 2 -> "Bearer " + Tokens.expired(victim.id(), victim.username(), "CUSTOMER");
			case 3 -> "Bearer " + Tokens.tampered(victim.token());
			case 4 -> "Bearer " + Tokens.otherAlgorithm(victim.id(), victim.username(), "ADMIN");
			case 5 -> "Bearer " + randomToken();
			case 6 -> "Basic YWRtaW46c3VyZ2UtYWRtaW4=";
			case 7 -> "Bearer";
			default -> null;
		};
		String[] routes = { "GET /api/orders", "GET /api/orders/" + this.order, "POST /api/orders",
				"POST /api/orders/" + this.order + "/payment", "GET /api/admin/stats", "GET /api/admin/logs",
				"POST /api/admin/products/" + this.product + "/restock", "DELETE /api/admin/products/" + this.product,
				"GET /actuator/env", "GET /actuator/mappings" };
		String route = routes[this.random.nextInt(routes.length)];
		String method = route.substring(0, route.indexOf(' '));
		List<String> headers = new ArrayList<>(List.of("Content-Type", "application/json"));
		if (authorization != null) {
			headers.addAll(List.of("Authorization", authorization));
		}
		byte[] body = method.equals("POST")
				? "{\"quantity\":1000,\"outcome\":\"SUCCESS\",\"productId\":1}".getBytes(StandardCharsets.UTF_8) : null;
		return new FuzzCase("bad-auth", method, route.substring(route.indexOf(' ') + 1), body, false,
				headers.toArray(String[]::new), Set.of(401));
	}

	private FuzzCase othersOrder() {
		String action = pick(List.of("GET", "payment", "cancel", "refund"));
		if (action.equals("GET")) {
			return new FuzzCase("others-order", "GET", "/api/orders/" + this.order, null, false,
					new String[] { "Authorization", "Bearer " + user() }, Set.of(404));
		}
		String body = action.equals("payment")
				? "{\"outcome\":\"" + pick(List.of("SUCCESS", "FAILURE", "TIMEOUT")) + "\"}"
				: "{\"reason\":\"mine now\"}";
		return json("others-order", "POST", "/api/orders/" + this.order + "/" + action, body, user(), Set.of(404),
				null);
	}

	private FuzzCase badPathsAndPaging() {
		String path = switch (this.random.nextInt(10)) {
			case 0 -> "/api/orders/" + pick(List.of("-1", "0", "abc", "1.5", "99999999999999999999", "%00",
					"1;DROP%20TABLE%20orders", "%F0%9F%92%A5"));
			case 1 -> "/api/orders?page=" + pick(List.of("-1", "10001", "x", "1.5", "99999999999", "1e3")) + "&size=20";
			case 2 -> "/api/orders?size=" + pick(List.of("0", "-5", "101", "1000000", "x", "9999999999"));
			case 3 -> "/api/orders?status=" + pick(List.of("SHIPPED", "%3Cscript%3E", "PAID%27--", "paid"));
			case 4 -> "/api/products/" + pick(List.of("-1", "abc", "99999999999999999999", "1e3"));
			case 5 -> "/api/nothing/here";
			case 6 -> "/api/orders/" + this.order + "/explode";
			case 7 -> "/api/admin/orders?size=100000";
			case 8 -> "/api/orders?page=999999999";
			default -> "/api/products/0x10";
		};
		boolean admin = path.startsWith("/api/admin");
		Set<Integer> expected = path.startsWith("/api/orders/") && path.length() > 12 && path.indexOf('?') < 0
				? Set.of(400, 404, 405) : Set.of(400, 404);
		return new FuzzCase("bad-path", "GET", path, null, false,
				new String[] { "Authorization", "Bearer " + (admin ? Shop.admin() : user()) }, expected);
	}

	private FuzzCase badRegistrationOrLogin() {
		String username = pick(
				List.of("ab", "a".repeat(33), "ad min", "root'--", "ünïcode", "x\u0000y", "", "<b>", "admin%"));
		String password = pick(List.of("short", "", "p".repeat(73), "ü".repeat(40), "correct-horse-battery"));
		boolean login = this.random.nextBoolean();
		String body = "{\"username\":\"" + username.replace("\u0000", "\\u0000") + "\",\"password\":\"" + password
				+ "\"}";
		return json(login ? "bad-login" : "bad-registration", "POST", login ? "/api/auth/token" : "/api/users", body,
				null, BAD_REQUEST, null);
	}

	private FuzzCase customerOnAdmin() {
		String route = pick(List.of("GET /api/admin/orders", "GET /api/admin/stats", "GET /api/admin/logs",
				"POST /api/admin/demo/reset", "POST /api/admin/products/" + this.product + "/restock",
				"DELETE /api/admin/products/" + this.product, "PUT /api/admin/products/" + this.product,
				"POST /api/admin/orders/" + this.order + "/fulfilment", "GET /actuator/env", "GET /actuator/mappings",
				"GET /actuator/info"));
		String method = route.substring(0, route.indexOf(' '));
		byte[] body = method.equals("GET") || method.equals("DELETE") ? null
				: "{\"quantity\":1000000,\"action\":\"COMPLETE\",\"reason\":\"x\"}".getBytes(StandardCharsets.UTF_8);
		return new FuzzCase("customer-on-admin", method, route.substring(route.indexOf(' ') + 1), body, false,
				new String[] { "Content-Type", "application/json", "Authorization", "Bearer " + user() }, Set.of(403));
	}

	private FuzzCase json(String kind, String method, String path, String body, String token, Set<Integer> expected,
			String idempotencyKey) {
		List<String> headers = new ArrayList<>(List.of("Content-Type", "application/json"));
		if (token != null) {
			headers.addAll(List.of("Authorization", "Bearer " + token));
		}
		if (idempotencyKey != null && idempotencyKey.chars().allMatch((c) -> c >= 0x20 && c < 0x7f)) {
			headers.addAll(List.of("Idempotency-Key", idempotencyKey));
		}
		return new FuzzCase(kind, method, path, body.getBytes(StandardCharsets.UTF_8), false,
				headers.toArray(String[]::new), expected);
	}

	private String user() {
		return this.attackers.get(this.random.nextInt(this.attackers.size())).token();
	}

	private String idempotencyKey() {
		return switch (this.random.nextInt(4)) {
			case 0 -> null;
			case 1 -> Shop.idempotencyKey();
			case 2 -> pick(List.of("short", "bad key!", "k".repeat(101), "semi;colon", "quote'key-123"));
			default -> "key-" + this.random.nextLong();
		};
	}

	private String randomToken() {
		StringBuilder token = new StringBuilder();
		int length = 1 + this.random.nextInt(300);
		for (int i = 0; i < length; i++) {
			token.append("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_."
				.charAt(this.random.nextInt(65)));
		}
		return token.toString();
	}

	private String randomBytes(int length) {
		byte[] bytes = new byte[length];
		this.random.nextBytes(bytes);
		return new String(bytes, StandardCharsets.ISO_8859_1);
	}

	private <T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

}
