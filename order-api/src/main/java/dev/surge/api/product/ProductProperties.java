package dev.surge.api.product;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The product details cache ({@link ProductCache}).
 *
 * @param cacheTtl how long cached details and the cached catalogue live: a safety net,
 * every change invalidates them at once
 * @param absentTtl how long an unknown product id is remembered as unknown (so probing
 * ids does not reach MySQL every time)
 */
@Validated
@ConfigurationProperties("surge.products")
record ProductProperties(@NotNull @DurationMin(millis = 1) Duration cacheTtl,
		@NotNull @DurationMin(millis = 1) Duration absentTtl) {

}
