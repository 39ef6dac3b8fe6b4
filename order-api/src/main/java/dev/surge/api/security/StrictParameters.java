package dev.surge.api.security;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * Path variables and query parameters bound to numbers are plain decimals: Spring would
 * otherwise read {@code 0x10} as 16 and {@code #10} as 16.
 */
@Configuration(proxyBeanMethods = false)
class StrictParameters implements WebFluxConfigurer {

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addConverter(String.class, Long.class, (text) -> Long.valueOf(text.strip()));
		registry.addConverter(String.class, Integer.class, (text) -> Integer.valueOf(text.strip()));
	}

}
