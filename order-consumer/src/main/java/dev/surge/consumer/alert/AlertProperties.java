package dev.surge.consumer.alert;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Low-stock alert settings.
 *
 * @param checkInterval how often available units are compared with the warning levels
 * (read by the {@code @Scheduled} of {@link LowStockCheck}; validated here)
 * @param webhookUrl where each alert is also POSTed as JSON; none when unset
 */
@ConfigurationProperties("surge.alerts")
@Validated
record AlertProperties(@DefaultValue("PT5S") Duration checkInterval, @Nullable URI webhookUrl) {

	AlertProperties {
		if (checkInterval.isNegative() || checkInterval.isZero()) {
			throw new IllegalArgumentException("surge.alerts.check-interval must be positive");
		}
		if (webhookUrl != null && !webhookUrl.toString().isBlank() && !"http".equals(webhookUrl.getScheme())
				&& !"https".equals(webhookUrl.getScheme())) {
			throw new IllegalArgumentException("surge.alerts.webhook-url must be an http(s) URL");
		}
	}

	boolean hasWebhook() {
		return this.webhookUrl != null && !this.webhookUrl.toString().isBlank();
	}

}
