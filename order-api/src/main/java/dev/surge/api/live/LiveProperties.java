package dev.surge.api.live;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code surge.live.*}.
 *
 * @param enabled whether this instance reads the change topics at all
 * @param groupPrefix Kafka consumer group prefix; each instance adds a random suffix so
 * every instance sees every notice
 * @param heartbeat interval of the keep-alive comment
 * @param stockCoalesce a product's stock is re-read at most once per this interval
 * @param statsInterval how often the throughput figure is sent to admins
 * @param statsLag how far behind now the reported second is, so the consumer has written
 * its orders
 * @param subscriberBuffer events held for a slow subscriber before the oldest are dropped
 */
@ConfigurationProperties("surge.live")
@Validated
record LiveProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("order-api-live-") @NotBlank String groupPrefix, @DefaultValue("15s") @NotNull Duration heartbeat,
		@DefaultValue("250ms") @NotNull Duration stockCoalesce, @DefaultValue("1s") @NotNull Duration statsInterval,
		@DefaultValue("2s") @NotNull Duration statsLag,
		@DefaultValue("512") @Min(16) @Max(100_000) int subscriberBuffer) {

}
