package dev.surge.api.auth;

import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import reactor.core.publisher.Mono;

import dev.surge.api.system.ProblemResponses;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Who may call what. Tokens are HMAC-signed JWTs that this API issues itself.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

	@Bean
	SecurityWebFilterChain securityFilterChain(ServerHttpSecurity http, ProblemResponses problems) {
		ServerBearerTokenAuthenticationConverter bearer = new ServerBearerTokenAuthenticationConverter();
		// EventSource cannot send headers: /api/events takes the token as a query
		// parameter
		bearer.setAllowUriQueryParameter(true);
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.authorizeExchange((exchanges) -> exchanges.pathMatchers(HttpMethod.POST, "/api/auth/token", "/api/users")
				.permitAll()
				.pathMatchers(HttpMethod.GET, "/api/products", "/api/products/*")
				.permitAll()
				.pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus")
				.permitAll()
				.pathMatchers("/api/admin/**", "/actuator/**")
				.hasRole("ADMIN")
				.pathMatchers("/api/**")
				.authenticated()
				.anyExchange()
				.permitAll())
			.oauth2ResourceServer((server) -> server.bearerTokenConverter(bearer)
				.jwt((jwt) -> jwt.jwtAuthenticationConverter(SecurityConfiguration::authentication))
				.authenticationEntryPoint(problems::unauthorized)
				.accessDeniedHandler(problems::forbidden))
			.exceptionHandling((handling) -> handling.authenticationEntryPoint(problems::unauthorized)
				.accessDeniedHandler(problems::forbidden))
			.build();
	}

	@Bean
	ReactiveJwtDecoder jwtDecoder(SecurityProperties properties) {
		return NimbusReactiveJwtDecoder.withSecretKey(key(properties)).macAlgorithm(MacAlgorithm.HS256).build();
	}

	@Bean
	JwtEncoder jwtEncoder(SecurityProperties properties) {
		return new NimbusJwtEncoder(new ImmutableSecret<>(key(properties)));
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	private static Mono<AbstractAuthenticationToken> authentication(Jwt jwt) {
		String role = jwt.getClaimAsString("role");
		List<SimpleGrantedAuthority> authorities = (role != null) ? List.of(new SimpleGrantedAuthority("ROLE_" + role))
				: List.of();
		return Mono.just(new JwtAuthenticationToken(jwt, authorities, jwt.getSubject()));
	}

	private static SecretKey key(SecurityProperties properties) {
		return new SecretKeySpec(properties.jwtSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
	}

}
