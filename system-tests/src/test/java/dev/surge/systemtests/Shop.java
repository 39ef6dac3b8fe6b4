package dev.surge.systemtests;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jwt.SignedJWT;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Object mother of the system tests: users, tokens and products with readable names.
 */
final class Shop {

	static final String PASSWORD = "correct-horse-battery";

	private static final AtomicInteger names = new AtomicInteger();

	private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36);

	private static String adminToken;

	private static String passwordHash;

	private Shop() {
	}

	static Api api() {
		return SurgeSystem.get().api();
	}

	/**
	 * An admin, stored the way an operator would create one, logged in through the API.
	 */
	static synchronized String admin() {
		if (adminToken == null) {
			String name = uniqueName("admin");
			insertUsers(List.of(name), "ADMIN");
			adminToken = login(name, PASSWORD);
		}
		return adminToken;
	}

	/** A customer registered and logged in through the API. */
	static User customer() {
		String name = uniqueName("cust");
		Api.Response registered = api().post("/api/users", null, Map.of("username", name, "password", PASSWORD));
		assertThat(registered.status()).as(registered.text()).isEqualTo(202);
		String token = login(name, PASSWORD);
		return new User(userId(token), name, token);
	}

	/**
	 * The user id, which is the subject of the access token (sign-up does not say it).
	 */
	static long userId(String token) {
		try {
			return Long.parseLong(SignedJWT.parse(token).getJWTClaimsSet().getSubject());
		}
		catch (ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Many customers at once: rows written directly and tokens signed with the test key,
	 * so that bcrypt does not dominate a concurrency test.
	 */
	static List<User> customers(int count) {
		List<String> names = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			names.add(uniqueName("crowd"));
		}
		return Users.customers(SurgeSystem.get()::mysql, SurgeSystem.JWT_SECRET, names, passwordHash());
	}

	static String login(String username, String password) {
		Api.Response response = api().post("/api/auth/token", null, Map.of("username", username, "password", password));
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return response.json().get("accessToken").asString();
	}

	/** A new product with this much stock, created through the admin API. */
	static long product(int stock) {
		return product(stock, 1999);
	}

	static long product(int stock, long priceCents) {
		Api.Response created = api().post("/api/admin/products", admin(), Map.of("name", uniqueName("Product"),
				"imageUrl", "/img/products/1.svg", "priceCents", priceCents, "warningStock", 5, "initialStock", stock));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	static String idempotencyKey() {
		return UUID.randomUUID().toString();
	}

	static String token(long userId, String username, String role) {
		return Users.token(SurgeSystem.JWT_SECRET, userId, username, role);
	}

	private static String uniqueName(String prefix) {
		return prefix + "_" + RUN + "_" + names.incrementAndGet();
	}

	private static synchronized String passwordHash() {
		if (passwordHash == null) {
			passwordHash = new BCryptPasswordEncoder().encode(PASSWORD);
		}
		return passwordHash;
	}

	private static List<Long> insertUsers(List<String> names, String role) {
		return Users.insert(SurgeSystem.get()::mysql, names, role, passwordHash());
	}

	record User(long id, String username, String token) {
	}

}
