package dev.surge.api.auth;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Token, CORS and header settings. The secret only ever comes from the environment
 * ({@code SURGE_SECURITY_JWT_SECRET}); without one the API refuses to start.
 *
 * @param jwtSecret HMAC key, at least 32 characters
 * @param tokenTtl lifetime of an access token
 * @param corsAllowedOrigins origins that browsers may call the API from; empty: only the
 * API's own origin
 * @param contentSecurityPolicy the {@code Content-Security-Policy} of every answer
 */
@Validated
@ConfigurationProperties("surge.security")
record SecurityProperties(@NotBlank @Size(min = 32) String jwtSecret, @NotNull Duration tokenTtl,
		List<String> corsAllowedOrigins, @NotBlank String contentSecurityPolicy) {

	SecurityProperties {
		corsAllowedOrigins = (corsAllowedOrigins != null) ? List.copyOf(corsAllowedOrigins) : List.of();
	}

}
