package dev.surge.systemtests;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import dev.surge.devstack.ServiceProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two more API instances with low limits set by the environment, as an operator would:
 * the buckets are in Redis, so both instances draw from the same ones.
 */
@Order(80)
class RateLimitIntegrationTests {

	/** A loopback address standing in for the compose file's nginx; the API trusts it. */
	private static final String PROXY = "127.0.0.2";

	/** Any other peer. */
	private static final String OUTSIDER = "127.0.0.3";

	private static final Map<String, String> LOW_LIMITS = Map.of("SURGE_RATELIMIT_ROUTES_API_USER_CAPACITY", "5",
			"SURGE_RATELIMIT_ROUTES_API_USER_PERIOD", "PT1M", "SURGE_RATELIMIT_ROUTES_LOGIN_IP_CAPACITY", "3",
			"SURGE_RATELIMIT_ROUTES_LOGIN_IP_PERIOD", "PT1M", "SURGE_SECURITY_CORS_ALLOWED_ORIGINS",
			"https://shop.example", "SURGE_FORWARDED_TRUSTED_PROXIES", PROXY);

	private static List<ServiceProcess> apis;

	@BeforeAll
	static void startTwoInstances() {
		SurgeSystem.get();
		CompletableFuture<ServiceProcess> first = CompletableFuture
			.supplyAsync(() -> ExtraApi.start("order-api-limited-1", LOW_LIMITS));
		CompletableFuture<ServiceProcess> second = CompletableFuture
			.supplyAsync(() -> ExtraApi.start("order-api-limited-2", LOW_LIMITS));
		apis = List.of(first.join(), second.join());
	}

	@AfterAll
	static void stop() {
		if (apis != null) {
			apis.forEach(ServiceProcess::stop);
		}
	}

	@Test
	void aUserPastTheLimitGets429WithRetryAfterOnEveryInstance() {
		Shop.User user = Shop.customer();
		String[] auth = { "Authorization", "Bearer " + user.token() };

		for (int i = 0; i < 5; i++) {
			Api.Response allowed = Http.send(base(i % 2), "GET", "/api/orders", null, auth);
			assertThat(allowed.status()).as("request %d", i).isEqualTo(200);
		}
		Api.Response limitedHere = Http.send(base(0), "GET", "/api/orders", null, auth);
		Api.Response limitedThere = Http.send(base(1), "GET", "/api/orders", null, auth);

		for (Api.Response limited : List.of(limitedHere, limitedThere)) {
			assertThat(limited.status()).isEqualTo(429);
			assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
			SecurityIntegrationTests.assertProblem(limited, "/problems/rate-limited");
		}
		Shop.User someoneElse = Shop.customer();
		assertThat(Http.send(base(0), "GET", "/api/orders", null, "Authorization", "Bearer " + someoneElse.token())
			.status()).as("another user has a bucket of their own").isEqualTo(200);
	}

	@Test
	void loginsPerIpAreLimitedWhateverTheUsername() {
		int limited = 0;
		for (int i = 0; i < 6; i++) {
			Api.Response answer = Http.send(base(i % 2), "POST", "/api/auth/token",
					"{\"username\":\"guess" + i + "\",\"password\":\"password" + i + "\"}", "Content-Type",
					"application/json");
			assertThat(answer.status()).isIn(401, 429);
			if (answer.status() == 429) {
				limited++;
				assertThat(answer.header("Retry-After")).isNotNull();
			}
		}
		assertThat(limited).isEqualTo(3);
	}

	@Test
	void clientsBehindTheProxyHaveBucketsOfTheirOwnAndOutsidersCannotPickOne() throws Exception {
		for (int i = 0; i < 3; i++) {
			assertThat(login(PROXY, "198.51.100.1", i)).as("client A, attempt %d", i).isEqualTo(401);
		}
		assertThat(login(PROXY, "198.51.100.1", 3)).as("client A past the limit").isEqualTo(429);
		assertThat(login(PROXY, "198.51.100.2", 4)).as("client B behind the same proxy").isEqualTo(401);
		assertThat(login(PROXY, "198.51.100.77, 198.51.100.1", 5))
			.as("client A naming another address itself; the proxy appended A's")
			.isEqualTo(429);

		for (int i = 0; i < 3; i++) {
			assertThat(login(OUTSIDER, "198.51.100." + (10 + i), 6 + i)).as("outsider, attempt %d", i).isEqualTo(401);
		}
		assertThat(login(OUTSIDER, "198.51.100.20", 9))
			.as("an outsider's X-Forwarded-For is ignored: one bucket, its own address")
			.isEqualTo(429);
	}

	@Test
	void configuredOriginsMayCallTheApiFromABrowser() {
		Api.Response preflight = Http.send(base(0), "OPTIONS", "/api/orders", null, "Origin", "https://shop.example",
				"Access-Control-Request-Method", "POST", "Access-Control-Request-Headers",
				"authorization,content-type");
		Api.Response stranger = Http.send(base(0), "OPTIONS", "/api/orders", null, "Origin", "https://evil.example",
				"Access-Control-Request-Method", "POST");

		assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("https://shop.example");
		assertThat(stranger.header("Access-Control-Allow-Origin")).isNull();
	}

	/**
	 * A failed login sent from a local address with an X-Forwarded-For header; the
	 * status.
	 */
	private static int login(String from, String forwardedFor, int attempt) throws Exception {
		try (HttpClient client = HttpClient.newBuilder()
			.localAddress(InetAddress.getByName(from))
			.connectTimeout(Duration.ofSeconds(5))
			.build()) {
			HttpRequest request = HttpRequest.newBuilder(URI.create(base(attempt % 2) + "/api/auth/token"))
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/json")
				.header("X-Forwarded-For", forwardedFor)
				.POST(HttpRequest.BodyPublishers
					.ofString("{\"username\":\"nobody" + attempt + "\",\"password\":\"wrong-password\"}"))
				.build();
			return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
	}

	private static String base(int instance) {
		return "http://127.0.0.1:" + apis.get(instance).port();
	}

}
