package dev.surge.api.security;

import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Which peers may tell the API who the client is.
 *
 * @param trustedProxies addresses or CIDR ranges (e.g. {@code 10.0.0.0/8},
 * {@code 127.0.0.1}) of the reverse proxies in front of the API; forwarded headers from
 * any other peer are dropped, and with none listed they are never believed
 */
@Validated
@ConfigurationProperties("surge.forwarded")
record ForwardedProperties(@NotNull List<String> trustedProxies) {

	ForwardedProperties {
		trustedProxies = (trustedProxies != null) ? List.copyOf(trustedProxies) : List.of();
	}

}
