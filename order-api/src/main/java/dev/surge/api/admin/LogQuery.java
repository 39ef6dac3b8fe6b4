package dev.surge.api.admin;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/admin/logs} parameters, checked.
 *
 * @param type which log (ORDER when not given)
 * @param orderId only this order
 * @param productId only this product (for ORDER and FULFILMENT: orders with it)
 * @param operator only what this user did
 * @param page page number from 0
 * @param size page size
 */
record LogQuery(LogType type, @Nullable Long orderId, @Nullable Long productId, @Nullable String operator, int page,
		int size) {

	private static final Pattern OPERATOR = Pattern.compile("[\\p{L}\\p{N}_.@:-]{1,64}");

	static LogQuery of(@Nullable String type, @Nullable String orderId, @Nullable String productId,
			@Nullable String operator, @Nullable String page, @Nullable String size) {
		String name = QueryParameters.oneOf("type", type, LogType.NAMES);
		LogType kind = (name != null) ? LogType.valueOf(name) : LogType.ORDER;
		Long order = QueryParameters.id("orderId", orderId);
		Long product = QueryParameters.id("productId", productId);
		if (kind == LogType.SECURITY && order != null) {
			throw QueryParameters.notApplicable("orderId", "does not apply to SECURITY logs");
		}
		if (kind == LogType.SECURITY && product != null) {
			throw QueryParameters.notApplicable("productId", "does not apply to SECURITY logs");
		}
		String user = QueryParameters.matching("operator", operator, OPERATOR,
				"a user name of 1 to 64 letters, digits or _.@:-");
		return new LogQuery(kind, order, product, user, QueryParameters.integer("page", page, 0, 0, 10_000),
				QueryParameters.integer("size", size, 20, 1, 100));
	}

	long offset() {
		return (long) this.page * this.size;
	}

}
