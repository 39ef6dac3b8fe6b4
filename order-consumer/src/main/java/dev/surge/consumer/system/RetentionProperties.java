package dev.surge.consumer.system;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long the consumer's dedup records are kept.
 *
 * @param keep age after which {@code applied_commands} and {@code abandoned_orders} rows
 * are deleted: longer than {@code orders.v1} keeps its records (a redelivery or a late
 * copy cannot be older) and than the API's Idempotency-Key TTL (a retry asks whether an
 * unconfirmed order was abandoned)
 * @param interval how often they are pruned (read by the {@code @Scheduled} of
 * {@link Retention}; validated here)
 */
@ConfigurationProperties("surge.retention")
@Validated
record RetentionProperties(@DefaultValue("P8D") Duration keep, @DefaultValue("PT1H") Duration interval) {

	RetentionProperties {
		if (keep.compareTo(Duration.ofDays(1)) < 0) {
			throw new IllegalArgumentException("surge.retention.keep must be at least a day (the Idempotency-Key TTL)");
		}
		if (interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("surge.retention.interval must be positive");
		}
	}

}
