package dev.surge.api.auth;

import dev.surge.api.security.SecuredEdge;
import dev.surge.api.system.Blocking;
import dev.surge.api.system.ProblemType;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.JwtMutator;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

/**
 * What every {@code @WebFluxTest} route slice shares: the API's own security chain
 * ({@link SecurityConfiguration}, so a route's role rule is the one that runs), the
 * {@link SecuredEdge}, callers with mocked access tokens, and what a problem looks like.
 * A slice adds its controllers, mocks the stores and sets {@link #PROPERTIES}.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ SecurityConfiguration.class, SecuredEdge.class, Blocking.class })
@EnableConfigurationProperties(SecurityProperties.class)
public class RouteSlice {

	/**
	 * The JWT secret: application.yaml holds none, the API takes it from the environment.
	 */
	public static final String PROPERTIES = "surge.security.jwt-secret=route-slices-sign-with-this-test-secret";

	/**
	 * The slice's client, in place of Spring Boot's: its mocked tokens reach the chain
	 * through Spring Security's test filter.
	 */
	@Bean
	WebTestClient webTestClient(ApplicationContext context) {
		return WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient().build();
	}

	/**
	 * Expects an RFC 9457 problem of {@code type}: its status, media type, type URI and
	 * status member; the body is left for more.
	 */
	public static WebTestClient.BodyContentSpec expectProblem(WebTestClient.ResponseSpec response, ProblemType type) {
		return response.expectStatus()
			.isEqualTo(type.status().value())
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(type.uri())
			.jsonPath("$.status")
			.isEqualTo(type.status().value());
	}

	public static JwtMutator customer(long id) {
		return caller(id, "ann", Role.CUSTOMER);
	}

	public static JwtMutator admin() {
		return caller(1, "root", Role.ADMIN);
	}

	private static JwtMutator caller(long id, String username, Role role) {
		return mockJwt()
			.jwt((jwt) -> jwt.tokenValue("token")
				.subject(Long.toString(id))
				.claim("username", username)
				.claim("role", role.name()))
			.authorities(new SimpleGrantedAuthority("ROLE_" + role.name()));
	}

}
