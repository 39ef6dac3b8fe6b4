package dev.surge.consumer.order;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Order settings.
 *
 * @param paymentTimeout how long a PENDING_PAYMENT order holds its stock
 * @param expirySweepInterval how often {@link PaymentExpiry} looks for orders past their
 * deadline (read by its {@code @Scheduled}; validated here)
 */
@ConfigurationProperties("surge.orders")
@Validated
record OrderProperties(@NotNull Duration paymentTimeout, @DefaultValue("PT5S") Duration expirySweepInterval) {

	OrderProperties {
		if (paymentTimeout != null && (paymentTimeout.isNegative() || paymentTimeout.isZero())) {
			throw new IllegalArgumentException("surge.orders.payment-timeout must be positive");
		}
		if (expirySweepInterval.isNegative() || expirySweepInterval.isZero()) {
			throw new IllegalArgumentException("surge.orders.expiry-sweep-interval must be positive");
		}
	}

}
