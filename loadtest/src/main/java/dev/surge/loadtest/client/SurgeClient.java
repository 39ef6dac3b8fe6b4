package dev.surge.loadtest.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Set-up calls to the API, made before a measured window: registering users, getting
 * their tokens, creating products. Never used inside a measured window.
 */
public final class SurgeClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String baseUrl;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	public SurgeClient(String baseUrl) {
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	public String baseUrl() {
		return this.baseUrl;
	}

	/** An access token for an existing user. */
	public String token(String username, String password) {
		JsonNode answer = post("/api/auth/token", null, Map.of("username", username, "password", password), 200);
		return answer.get("accessToken").asString();
	}

	/**
	 * Registers {@code count} customers named {@code <prefix>-<n>} and logs each in, a
	 * few at a time (each costs a bcrypt on the server).
	 * @return their tokens
	 */
	public List<Customer> customers(String prefix, int count) {
		String password = "load-" + prefix;
		try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
			List<Future<Customer>> created = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				String username = prefix + "-" + i;
				created.add(pool.submit(() -> {
					post("/api/users", null, Map.of("username", username, "password", password), 202);
					String token = token(username, password);
					return new Customer(subject(token), username, token);
				}));
			}
			List<Customer> customers = new ArrayList<>();
			for (Future<Customer> customer : created) {
				customers.add(customer.get());
			}
			return customers;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not create the customers: " + ex.getMessage(), ex);
		}
	}

	/** Creates a product with its stock loaded into the gate; returns its id. */
	public long createProduct(String adminToken, String name, long priceCents, int stock) {
		JsonNode product = post("/api/admin/products", adminToken,
				Map.of("name", name, "priceCents", priceCents, "warningStock", 0, "initialStock", stock), 201);
		return product.get("id").asLong();
	}

	/** The product as {@code GET /api/products/{id}} shows it. */
	public JsonNode product(long id) {
		return send(HttpRequest.newBuilder(uri("/api/products/" + id)).GET(), 200);
	}

	/** Product ids whose stock the gate holds. */
	public List<Long> productIds() {
		List<Long> ids = new ArrayList<>();
		send(HttpRequest.newBuilder(uri("/api/products")).GET(), 200).forEach((p) -> ids.add(p.get("id").asLong()));
		return ids;
	}

	private JsonNode post(String path, String token, Object body, int expected) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return send(request, expected);
	}

	private JsonNode send(HttpRequest.Builder request, int expected) {
		try {
			HttpResponse<String> response = this.http.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != expected) {
				throw new IllegalStateException(
						response.request().uri() + " answered " + response.statusCode() + ": " + response.body());
			}
			return JSON.readTree(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException("API not reachable at " + this.baseUrl + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private URI uri(String path) {
		return URI.create(this.baseUrl + path);
	}

	/**
	 * The user id: the subject of the access token, since sign-up does not say it.
	 */
	static long subject(String token) {
		String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
		return Long.parseLong(JSON.readTree(payload).get("sub").asString());
	}

	/**
	 * A registered customer.
	 *
	 * @param id user id
	 * @param username login name
	 * @param token access token
	 */
	public record Customer(long id, String username, String token) {

	}

}
