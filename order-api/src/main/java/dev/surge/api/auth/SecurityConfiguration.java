package dev.surge.api.auth;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import dev.surge.api.security.AdminActions;
import dev.surge.api.security.BodySizeLimit;
import dev.surge.api.security.InputProperties;
import dev.surge.api.security.DeniedAccess;
import dev.surge.api.security.RateLimitFilter;
import dev.surge.api.security.RateLimitProperties;
import dev.surge.api.security.RateLimits;
import dev.surge.api.security.SecurityLog;
import dev.surge.api.system.ProblemResponses;
import dev.surge.api.system.Problems;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * Who may call what. Tokens are HMAC-signed JWTs that this API issues itself.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

	static final String ISSUER = "surge";

	private static final Set<String> ROLES = Set.of(Role.CUSTOMER.name(), Role.ADMIN.name());

	@Bean
	SecurityWebFilterChain securityFilterChain(ServerHttpSecurity http, DeniedAccess denied,
			SecurityProperties properties, InputProperties input, RateLimitProperties limits, RateLimits buckets,
			ProblemResponses problems, SecurityLog securityLog) {
		ServerBearerTokenAuthenticationConverter bearer = new ServerBearerTokenAuthenticationConverter();
		// EventSource cannot send headers: /api/events takes the token as a query
		// parameter
		bearer.setAllowUriQueryParameter(true);
		// tokens travel in a header, never in a cookie: there is no session for CSRF to
		// ride
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			// stateless: no WebSession is created or looked up per request (creating one
			// hops to another scheduler and back)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.cors((cors) -> cors.configurationSource(cors(properties)))
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives(properties.contentSecurityPolicy()))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER))
				.frameOptions((frames) -> frames.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY))
				.permissionsPolicy((permissions) -> permissions.policy("camera=(), microphone=(), geolocation=()")))
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			// the order path first: each rule tried before the match costs a chain of
			// reactive matchers per request (the /api/** rule below says the same)
			.authorizeExchange((exchanges) -> exchanges.pathMatchers(HttpMethod.POST, "/api/orders")
				.authenticated()
				.pathMatchers(HttpMethod.POST, "/api/auth/token", "/api/users")
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
				.authenticationEntryPoint(denied)
				.accessDeniedHandler(denied))
			.exceptionHandling((handling) -> handling.authenticationEntryPoint(denied).accessDeniedHandler(denied))
			.addFilterAt(new BodySizeLimit(input.maxBodySize(), problems), SecurityWebFiltersOrder.FIRST)
			.addFilterBefore(new RateLimitFilter(RateLimitFilter.Scope.IP, limits, buckets, problems, securityLog),
					SecurityWebFiltersOrder.AUTHENTICATION)
			.addFilterAfter(new RateLimitFilter(RateLimitFilter.Scope.USER, limits, buckets, problems, securityLog),
					SecurityWebFiltersOrder.AUTHENTICATION)
			.addFilterAt(new AdminActions(securityLog), SecurityWebFiltersOrder.LAST)
			.build();
	}

	/**
	 * HS256 with our key only ({@code alg: none} and other algorithms are refused),
	 * issued by us, unexpired, with a numeric subject and a known role. Tokens that
	 * passed are remembered until they expire (at most 10 minutes, 10,000 of them: about
	 * 10 MB).
	 */
	@Bean
	ReactiveJwtDecoder jwtDecoder(SecurityProperties properties) {
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withSecretKey(key(properties))
			.macAlgorithm(MacAlgorithm.HS256)
			.build();
		// "surge" is no URL: read the issuer as the string it is (the default converter
		// tries a URL first and throws and catches an exception per request)
		decoder.setClaimSetConverter(MappedJwtClaimSetConverter
			.withDefaults(Map.of(JwtClaimNames.ISS, (issuer) -> (issuer != null) ? issuer.toString() : null)));
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(ISSUER),
				new JwtClaimValidator<String>(JwtClaimNames.SUB,
						(subject) -> subject != null && subject.matches("[0-9]{1,18}")),
				new JwtClaimValidator<String>("role", (role) -> ROLES.contains(role)),
				new JwtClaimValidator<String>("username", (username) -> username != null && !username.isBlank())));
		return new VerifiedTokens(decoder, 10_000, Duration.ofMinutes(10), Clock.systemUTC());
	}

	/**
	 * No observation around each of the chain's filters and authorization decisions: they
	 * cost more than the request's own work. Requests stay observed as a whole
	 * ({@code http.server.requests}).
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	JwtEncoder jwtEncoder(SecurityProperties properties) {
		return new NimbusJwtEncoder(new ImmutableSecret<>(key(properties)));
	}

	/**
	 * Spring Security's strict firewall, with its header rules (assigned characters, no
	 * control characters but a tab in values) checked by a loop instead of a regular
	 * expression: the firewall checks each header the application reads, and a matcher
	 * per header allocates on every request (docs/performance.md).
	 */
	@Bean
	ServerWebExchangeFirewall firewall() {
		StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
		firewall.setAllowedHeaderNames((name) -> assignedWithoutControls(name, false));
		firewall.setAllowedHeaderValues((value) -> assignedWithoutControls(value, true));
		return firewall;
	}

	/**
	 * {@code [\p{IsAssigned}&&[^\p{IsControl}]]*}, tabs allowed or not; an absent header
	 * ({@code null}) passes.
	 */
	static boolean assignedWithoutControls(@Nullable String text, boolean tabs) {
		if (text == null) {
			return true;
		}
		for (int i = 0; i < text.length();) {
			int codePoint = text.codePointAt(i);
			if (!Character.isDefined(codePoint)
					|| (Character.isISOControl(codePoint) && !(tabs && codePoint == '\t'))) {
				return false;
			}
			i += Character.charCount(codePoint);
		}
		return true;
	}

	/**
	 * URLs the firewall refuses (encoded NUL, {@code ;}, {@code ..}) get a problem too.
	 */
	@Bean
	ServerExchangeRejectedHandler rejectedExchanges(ProblemResponses problems) {
		return (exchange, ex) -> problems.write(exchange, Problems.invalid("The request URL is not allowed"));
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	private static CorsConfigurationSource cors(SecurityProperties properties) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		if (!properties.corsAllowedOrigins().isEmpty()) {
			CorsConfiguration configuration = new CorsConfiguration();
			configuration.setAllowedOrigins(properties.corsAllowedOrigins());
			configuration.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
			configuration.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key"));
			configuration.setExposedHeaders(List.of("Location", "Retry-After"));
			configuration.setMaxAge(Duration.ofHours(1));
			source.registerCorsConfiguration("/api/**", configuration);
		}
		return source;
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
