package dev.surge.contracts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The start-up rule every service and {@code stock-sync} share: outside the demo run
 * ({@code SURGE_DEMO_ENABLED=true}) the MySQL and Redis passwords must be given, and no
 * configuration file of ours holds them, so they come from the environment.
 */
public final class StorePasswords {

	/** The Spring property of the demo run, set by {@code ./run.sh} only. */
	public static final String DEMO_PROPERTY = "surge.demo.enabled";

	/** The environment variable of {@link #DEMO_PROPERTY}. */
	public static final String DEMO_VARIABLE = "SURGE_DEMO_ENABLED";

	/** The MySQL password. */
	public static final Secret DATASOURCE = new Secret("spring.datasource.password", "SPRING_DATASOURCE_PASSWORD");

	/** The Redis password. */
	public static final Secret REDIS = new Secret("spring.data.redis.password", "SPRING_DATA_REDIS_PASSWORD");

	/** Both, in the order the refusal names them. */
	public static final List<Secret> ALL = List.of(DATASOURCE, REDIS);

	private StorePasswords() {
	}

	/**
	 * Applies the rule.
	 * @param demo whether this is the demo run
	 * @param secrets the secrets this program needs
	 * @param value each secret's value as the program resolved it, {@code null} when not
	 * given
	 * @return the reason to refuse to start, naming the missing variables; empty when
	 * nothing is missing or in the demo run
	 */
	public static Optional<String> refusal(boolean demo, List<Secret> secrets,
			Function<Secret, @Nullable String> value) {
		if (demo) {
			return Optional.empty();
		}
		List<String> missing = new ArrayList<>();
		for (Secret secret : secrets) {
			String given = value.apply(secret);
			if (given == null || given.isBlank()) {
				missing.add(secret.variable());
			}
		}
		if (missing.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of("Refusing to start without " + String.join(" and ", missing) + " (only the demo run, "
				+ DEMO_VARIABLE + "=true, may do without)");
	}

	/**
	 * A password by its Spring property and its environment variable.
	 *
	 * @param property Spring Boot's key
	 * @param variable the environment variable that sets it
	 */
	public record Secret(String property, String variable) {

	}

}
