package dev.surge.api.security;

import dev.surge.contracts.StorePasswords;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Outside the demo run the API does not start without the database and Redis passwords;
 * {@code application.yaml} holds none, so they come from the environment. The rule is
 * {@link StorePasswords}, shared with order-consumer and stock-sync. (The JWT secret is
 * required even in the demo run, see {@code SecurityProperties}.)
 */
@Component
class RequiredSecrets {

	RequiredSecrets(Environment environment) {
		boolean demo = environment.getProperty(StorePasswords.DEMO_PROPERTY, Boolean.class, false);
		StorePasswords.refusal(demo, StorePasswords.ALL, (secret) -> environment.getProperty(secret.property()))
			.ifPresent((reason) -> {
				throw new IllegalStateException(reason);
			});
	}

}
