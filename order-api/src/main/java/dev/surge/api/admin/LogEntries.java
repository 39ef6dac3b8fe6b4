package dev.surge.api.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * Turns rows of the three log tables into {@link LogEntry log entries}: the one place
 * that decides how a row reads.
 */
public final class LogEntries {

	/** Transitions into these states, or out of FULFILLING, are fulfilment. */
	static final Set<String> FULFILMENT_STATES = Set.of("FULFILLING", "COMPLETED", "FULFILMENT_FAILED");

	private LogEntries() {
	}

	/** An order state change; FULFILMENT or ORDER depending on the states. */
	public static LogEntry transition(Instant at, long orderId, @Nullable String from, String to,
			@Nullable String operator, @Nullable String reason) {
		LogType type = isFulfilment(from, to) ? LogType.FULFILMENT : LogType.ORDER;
		return transition(type, at, orderId, null, from, to, operator, reason);
	}

	static LogEntry transition(LogType type, Instant at, long orderId, @Nullable Long productId, @Nullable String from,
			String to, @Nullable String operator, @Nullable String reason) {
		return new LogEntry(at, type, Long.toString(orderId), productId, operator, action(from, to), reason, null);
	}

	static boolean isFulfilment(@Nullable String from, String to) {
		return FULFILMENT_STATES.contains(to) || "FULFILLING".equals(from);
	}

	/** {@code FROM→TO}, or just {@code TO} for the first state. */
	static String action(@Nullable String from, String to) {
		return (from != null) ? from + "→" + to : to;
	}

	static LogEntry stock(Instant at, @Nullable Long orderId, long productId, String changeType, Deltas deltas,
			@Nullable String operator, @Nullable String reason) {
		return new LogEntry(at, LogType.STOCK, (orderId != null) ? Long.toString(orderId) : null, productId, operator,
				changeType, reason, deltas.describe());
	}

	static LogEntry security(Instant at, @Nullable String username, @Nullable String ip, @Nullable String route,
			String action, String outcome, @Nullable String detail) {
		List<String> parts = new ArrayList<>();
		if (route != null) {
			parts.add(route);
		}
		if (ip != null) {
			parts.add("from " + ip);
		}
		if (detail != null) {
			parts.add(detail);
		}
		return new LogEntry(at, LogType.SECURITY, null, null, username, action, outcome,
				parts.isEmpty() ? null : String.join(", ", parts));
	}

	/**
	 * How a stock movement changed the columns of {@code product_stock}.
	 *
	 * @param available change of available
	 * @param locked change of locked
	 * @param sold change of sold
	 * @param total change of total
	 */
	record Deltas(long available, long locked, long sold, long total) {

		/** {@code available -3, locked +3}: the columns that moved. */
		String describe() {
			String moved = Stream
				.of(part("available", this.available), part("locked", this.locked), part("sold", this.sold),
						part("total", this.total))
				.filter((part) -> !part.isEmpty())
				.collect(Collectors.joining(", "));
			return moved.isEmpty() ? "no change" : moved;
		}

		private static String part(String column, long delta) {
			if (delta == 0) {
				return "";
			}
			return column + " " + ((delta > 0) ? "+" : "") + delta;
		}

	}

}
