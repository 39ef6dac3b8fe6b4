package dev.surge.api.auth;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Token settings. The secret only ever comes from the environment
 * ({@code SURGE_SECURITY_JWT_SECRET}); without one the API refuses to start.
 *
 * @param jwtSecret HMAC key, at least 32 characters
 * @param tokenTtl lifetime of an access token
 */
@Validated
@ConfigurationProperties("surge.security")
record SecurityProperties(@NotBlank @Size(min = 32) String jwtSecret, @NotNull Duration tokenTtl) {

}
