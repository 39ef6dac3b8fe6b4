package dev.surge.consumer.order;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Order settings.
 *
 * @param paymentTimeout how long a PENDING_PAYMENT order holds its stock
 */
@ConfigurationProperties("surge.orders")
@Validated
record OrderProperties(@NotNull Duration paymentTimeout) {

	OrderProperties {
		if (paymentTimeout != null && (paymentTimeout.isNegative() || paymentTimeout.isZero())) {
			throw new IllegalArgumentException("surge.orders.payment-timeout must be positive");
		}
	}

}
