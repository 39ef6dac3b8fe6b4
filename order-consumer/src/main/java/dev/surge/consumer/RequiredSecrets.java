package dev.surge.consumer;

import dev.surge.contracts.StorePasswords;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Outside the demo run the consumer does not start without the database and Redis
 * passwords ({@link StorePasswords}, the rule order-api and stock-sync apply too).
 * Checked once the environment is prepared, before any bean: otherwise Flyway would fail
 * first with the database's less helpful "access denied".
 */
class RequiredSecrets implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		ConfigurableEnvironment environment = event.getEnvironment();
		boolean demo = environment.getProperty(StorePasswords.DEMO_PROPERTY, Boolean.class, false);
		StorePasswords.refusal(demo, StorePasswords.ALL, (secret) -> environment.getProperty(secret.property()))
			.ifPresent((reason) -> {
				throw new IllegalStateException(reason);
			});
	}

}
