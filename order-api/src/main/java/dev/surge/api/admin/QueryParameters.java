package dev.surge.api.admin;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.surge.api.system.ApiException;
import dev.surge.api.system.Problem;
import dev.surge.api.system.Problems;

/**
 * Typed, bounded query parameters. An empty value counts as absent (a cleared filter);
 * anything else that does not fit is a 400 problem naming the parameter.
 */
final class QueryParameters {

	private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");

	private QueryParameters() {
	}

	static int integer(String name, @Nullable String raw, int fallback, int min, int max) {
		if (isAbsent(raw)) {
			return fallback;
		}
		long value = number(name, raw, "an integer from " + min + " to " + max);
		if (value < min || value > max) {
			throw invalid(name, "an integer from " + min + " to " + max);
		}
		return (int) value;
	}

	/** A positive 64-bit id, or {@code null}. */
	static @Nullable Long id(String name, @Nullable String raw) {
		if (isAbsent(raw)) {
			return null;
		}
		long value = number(name, raw, "a positive integer id");
		if (value < 1) {
			throw invalid(name, "a positive integer id");
		}
		return value;
	}

	static @Nullable String oneOf(String name, @Nullable String raw, List<String> allowed) {
		if (isAbsent(raw)) {
			return null;
		}
		if (!allowed.contains(raw)) {
			throw problem(name, "one of " + String.join(", ", allowed)).with("allowed", allowed).toException();
		}
		return raw;
	}

	/** One of the enum's names, or {@code null}. */
	static <E extends Enum<E>> @Nullable E oneOf(String name, @Nullable String raw, Class<E> type) {
		List<String> allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
		String value = oneOf(name, raw, allowed);
		return (value != null) ? Enum.valueOf(type, value) : null;
	}

	static @Nullable String matching(String name, @Nullable String raw, Pattern pattern, String description) {
		if (isAbsent(raw)) {
			return null;
		}
		if (!pattern.matcher(raw).matches()) {
			throw invalid(name, description);
		}
		return raw;
	}

	static ApiException notApplicable(String name, String why) {
		return Problems.invalid(name + " " + why).with("parameter", name).toException();
	}

	private static long number(String name, String raw, String expected) {
		if (!DIGITS.matcher(raw).matches()) {
			throw invalid(name, expected);
		}
		try {
			return Long.parseLong(raw);
		}
		catch (NumberFormatException ex) {
			throw invalid(name, expected);
		}
	}

	private static boolean isAbsent(@Nullable String raw) {
		return raw == null || raw.isEmpty();
	}

	private static ApiException invalid(String name, String expected) {
		return problem(name, expected).toException();
	}

	private static Problem problem(String name, String expected) {
		return Problems.invalid(name + " must be " + expected).with("parameter", name);
	}

}
