package dev.surge.api.order;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of one order and of the idempotency records.
 *
 * @param maxQuantity units of one product per order
 * @param maxItems products per order
 * @param idempotencyTtl how long an Idempotency-Key is remembered
 */
@Validated
@ConfigurationProperties("surge.orders")
record OrderProperties(@Min(1) @Max(10_000) int maxQuantity, @Min(1) @Max(100) int maxItems,
		@NotNull Duration idempotencyTtl) {

}
