package dev.surge.contracts;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StorePasswordsTests {

	@Test
	void refusesToStartWithoutEitherPasswordNamingBoth() {
		assertThat(StorePasswords.refusal(false, StorePasswords.ALL, (secret) -> null)).contains(
				"Refusing to start without SPRING_DATASOURCE_PASSWORD and SPRING_DATA_REDIS_PASSWORD (only the demo run, "
						+ "SURGE_DEMO_ENABLED=true, may do without)");
	}

	@Test
	void namesOnlyTheMissingOneAndTakesBlankAsMissing() {
		Map<String, String> given = Map.of("spring.datasource.password", "secret", "spring.data.redis.password", " ");
		assertThat(StorePasswords.refusal(false, StorePasswords.ALL, (secret) -> given.get(secret.property())))
			.hasValueSatisfying(
					(reason) -> assertThat(reason).startsWith("Refusing to start without SPRING_DATA_REDIS_PASSWORD (")
						.doesNotContain("SPRING_DATASOURCE_PASSWORD"));
	}

	@Test
	void startsWhenBothAreGiven() {
		assertThat(StorePasswords.refusal(false, StorePasswords.ALL, (secret) -> "secret")).isEmpty();
	}

	@Test
	void theDemoRunMayDoWithout() {
		assertThat(StorePasswords.refusal(true, StorePasswords.ALL, (secret) -> null)).isEmpty();
	}

	@Test
	void checksOnlyTheSecretsAProgramNeeds() {
		assertThat(StorePasswords.refusal(false, List.of(StorePasswords.REDIS),
				(secret) -> (secret == StorePasswords.REDIS) ? "secret" : null))
			.isEmpty();
	}

}
