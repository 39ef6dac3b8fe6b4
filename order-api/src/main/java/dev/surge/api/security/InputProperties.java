package dev.surge.api.security;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of request bodies.
 *
 * @param maxBodySize larger bodies get 413, whether announced by {@code Content-Length}
 * or streamed
 * @param maxDepth deepest nesting of JSON objects and arrays
 */
@Validated
@ConfigurationProperties("surge.input")
public record InputProperties(@NotNull DataSize maxBodySize, @Min(2) @Max(1000) int maxDepth) {

}
