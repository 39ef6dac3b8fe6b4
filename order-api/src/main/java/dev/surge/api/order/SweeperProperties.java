package dev.surge.api.order;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The reservation sweeper ({@link ReservationSweeper}).
 *
 * @param enabled whether this instance sweeps (every instance may: duplicates are
 * harmless)
 * @param interval pause between two sweeps
 * @param margin added to the producer's {@code max.block.ms + delivery.timeout.ms}: a
 * reservation older than that has no send still in flight
 * @param republishAfter how long an order's expiry is not published again (a marker in
 * Redis shared by every instance)
 */
@Validated
@ConfigurationProperties("surge.sweeper")
record SweeperProperties(boolean enabled, @NotNull Duration interval, @NotNull Duration margin,
		@NotNull Duration republishAfter) {

}
