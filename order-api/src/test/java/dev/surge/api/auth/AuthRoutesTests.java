package dev.surge.api.auth;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.surge.api.security.SecurityLog;
import dev.surge.api.system.ProblemType;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.surge.api.auth.RouteSlice.expectProblem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * Login and sign-up without a token, with the users table replaced: the right password
 * gets a token the API's own decoder accepts, a wrong one or an unknown name the same
 * logged 401 problem, a taken name the same 202 as a new one, and credentials outside the
 * rules a 400 problem that never reaches the table.
 */
@WebFluxTest(controllers = AuthController.class, properties = RouteSlice.PROPERTIES)
@Import({ RouteSlice.class, Tokens.class })
class AuthRoutesTests {

	private static final String PASSWORD = "correct horse";

	@Autowired
	private WebTestClient client;

	@Autowired
	private PasswordEncoder passwords;

	@Autowired
	private ReactiveJwtDecoder decoder;

	@MockitoBean
	private Users users;

	@MockitoBean
	private SecurityLog securityLog;

	@Test
	void theRightPasswordGetsATokenTheApiAccepts() {
		given(this.users.findByUsername("alice"))
			.willReturn(Optional.of(new User(5, "alice", this.passwords.encode(PASSWORD), Role.CUSTOMER)));

		String token = post("/api/auth/token", Map.of("username", "alice", "password", PASSWORD)).expectStatus()
			.isOk()
			.expectBody(AccessToken.class)
			.returnResult()
			.getResponseBody()
			.accessToken();

		Jwt verified = this.decoder.decode(token).block();
		assertThat(verified.getSubject()).isEqualTo("5");
		assertThat(verified.getClaimAsString("role")).isEqualTo("CUSTOMER");
		verify(this.securityLog, never()).record(any());
	}

	@Test
	void aWrongPasswordIsA401ProblemAndLogged() {
		given(this.users.findByUsername("alice"))
			.willReturn(Optional.of(new User(5, "alice", this.passwords.encode(PASSWORD), Role.CUSTOMER)));

		expectBadCredentials(Map.of("username", "alice", "password", "wrong horse"));
		verify(this.securityLog).record(argThat((event) -> "FAILED".equals(event.outcome())));
	}

	@Test
	void anUnknownUserGetsTheSameAnswer() {
		given(this.users.findByUsername("nobody")).willReturn(Optional.empty());

		expectBadCredentials(Map.of("username", "nobody", "password", PASSWORD));
	}

	@Test
	void credentialsOutsideTheRulesAreProblemsNamingTheField() {
		List<Map<String, String>> refused = List.of(Map.of("username", "al", "password", PASSWORD),
				Map.of("username", "a".repeat(33), "password", PASSWORD),
				Map.of("username", "al ice", "password", PASSWORD),
				Map.of("username", "alice<script>", "password", PASSWORD),
				Map.of("username", "alice", "password", "short"), Map.of("username", "alice"));
		for (String route : List.of("/api/auth/token", "/api/users")) {
			for (Map<String, String> credentials : refused) {
				String field = credentials.get("username").equals("alice") ? "password" : "username";
				expectInvalid(post(route, credentials)).jsonPath("$.errors[0].field").isEqualTo(field);
			}
		}
		verifyNoInteractions(this.users);
	}

	@Test
	void aPasswordOverBcryptsLimitIsAProblemEvenWithin72Characters() {
		// 40 characters, 80 bytes in UTF-8: bcrypt would ignore the end
		expectInvalid(post("/api/users", Map.of("username", "alice", "password", "é".repeat(40))))
			.jsonPath("$.errors[0].message")
			.isEqualTo("must be at most 72 bytes in UTF-8");
		verifyNoInteractions(this.users);
	}

	@Test
	void anUnknownFieldOrBadJsonIsAProblem() {
		expectInvalid(post("/api/users", Map.of("username", "alice", "password", PASSWORD, "role", "ADMIN")))
			.jsonPath("$.detail")
			.isEqualTo("Unknown field in the request body");
		expectInvalid(post("/api/auth/token", "{\"username\": \"alice\",")).jsonPath("$.detail")
			.isEqualTo("The request body is not valid JSON for this endpoint");
		verifyNoInteractions(this.users);
	}

	@Test
	void credentialsAreJsonOnly() {
		expectProblem(this.client.post()
			.uri("/api/auth/token")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("username=alice&password=correct+horse")
			.exchange(), ProblemType.UNSUPPORTED_MEDIA_TYPE);
		verifyNoInteractions(this.users);
	}

	@Test
	void aNewCustomerIsCreatedWithAHashedPassword() {
		post("/api/users", Map.of("username", "carol", "password", PASSWORD)).expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.username")
			.isEqualTo("carol");
		verify(this.users).create(eq("carol"), argThat((hash) -> this.passwords.matches(PASSWORD, hash)),
				eq(Role.CUSTOMER));
	}

	@Test
	void aTakenNameGetsTheSameAnswerAndIsLogged() {
		willThrow(new DuplicateKeyException("users.username")).given(this.users)
			.create(eq("alice"), any(), eq(Role.CUSTOMER));

		post("/api/users", Map.of("username", "alice", "password", PASSWORD)).expectStatus()
			.isAccepted()
			.expectBody()
			.json("{\"username\": \"alice\"}", JsonCompareMode.STRICT);
		verify(this.securityLog).record(argThat((event) -> "USERNAME_TAKEN".equals(event.outcome())));
	}

	private void expectBadCredentials(Map<String, String> credentials) {
		expectProblem(post("/api/auth/token", credentials), ProblemType.BAD_CREDENTIALS).jsonPath("$.detail")
			.isEqualTo("The username or password is wrong");
	}

	private static WebTestClient.BodyContentSpec expectInvalid(WebTestClient.ResponseSpec response) {
		return expectProblem(response, ProblemType.INVALID_REQUEST);
	}

	private WebTestClient.ResponseSpec post(String route, Object body) {
		return this.client.post().uri(route).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
	}

}
