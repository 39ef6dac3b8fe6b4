package dev.surge.api.admin;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One line of an operation log.
 *
 * @param at when
 * @param type which log
 * @param orderId the order concerned, as a string
 * @param productId the product concerned
 * @param operator who did it ({@code system} for the pipeline)
 * @param action what happened: {@code FROM→TO} for an order, the change type for stock,
 * the action for security
 * @param reason why, or the outcome of a security event
 * @param detail more: stock deltas such as {@code available -3, locked +3}, or where a
 * security event came from
 */
public record LogEntry(Instant at, LogType type, @Nullable String orderId, @Nullable Long productId,
		@Nullable String operator, String action, @Nullable String reason, @Nullable String detail) {

}
