package dev.surge.api.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Outside the demo run the API does not start without the database and Redis passwords;
 * {@code application.yaml} holds none, so they come from the environment. (The JWT secret
 * is required even in the demo run, see {@code SecurityProperties}.)
 */
@Component
class RequiredSecrets {

	static final List<String[]> SECRETS = List.of(
			new String[] { "spring.datasource.password", "SPRING_DATASOURCE_PASSWORD" },
			new String[] { "spring.data.redis.password", "SPRING_DATA_REDIS_PASSWORD" });

	RequiredSecrets(Environment environment) {
		if (environment.getProperty("surge.demo.enabled", Boolean.class, false)) {
			return;
		}
		List<String> missing = new ArrayList<>();
		for (String[] secret : SECRETS) {
			if (!StringUtils.hasText(environment.getProperty(secret[0]))) {
				missing.add(secret[1]);
			}
		}
		if (!missing.isEmpty()) {
			throw new IllegalStateException("Refusing to start without " + String.join(" and ", missing)
					+ " (only the demo run, SURGE_DEMO_ENABLED=true, may do without)");
		}
	}

}
