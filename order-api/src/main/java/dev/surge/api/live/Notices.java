package dev.surge.api.live;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.surge.contracts.Topics;

/**
 * Reads the records of {@link Topics#CHANGES} and {@link Topics#STOCK_ALERTS} into
 * {@link Notice notices}: the one place that knows their JSON. Reads the tree rather than
 * the contract records so that an older or newer producer never breaks the live view;
 * what cannot be read is skipped.
 */
final class Notices {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Notices() {
	}

	/**
	 * @param topic where the record came from
	 * @param value its JSON
	 * @param timestamp the record's timestamp, epoch millis
	 */
	static Optional<Notice> read(String topic, byte @Nullable [] value, long timestamp) {
		if (value == null) {
			return Optional.empty();
		}
		try {
			JsonNode node = JSON.readTree(value);
			if (Topics.STOCK_ALERTS.equals(topic)) {
				return stockLow(node, timestamp);
			}
			return switch (Objects.requireNonNullElse(text(node, "type"), "")) {
				case "STOCK", "PRODUCT" -> products(node);
				case "ORDER" -> orders(node, timestamp);
				case "LOW_STOCK" -> stockLow(node, timestamp);
				case "RESET" ->
					Optional.of(new Notice.DemoReset(Objects.requireNonNullElse(text(node, "operator"), "")));
				default -> Optional.empty();
			};
		}
		catch (JacksonException | IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static Optional<Notice> products(JsonNode node) {
		Set<Long> ids = new LinkedHashSet<>();
		for (JsonNode id : node.path("productIds")) {
			if (id.canConvertToLong()) {
				ids.add(id.asLong());
			}
		}
		return ids.isEmpty() ? Optional.empty() : Optional.of(new Notice.ProductsMoved(ids));
	}

	/**
	 * {@code {"orders":[{orderId, userId, from, status, reason, operator}]}}, or the
	 * first shape {@code {"orderIds":[..], "status":".."}}.
	 */
	private static Optional<Notice> orders(JsonNode node, long timestamp) {
		List<Notice.OrderMove> moves = new ArrayList<>();
		for (JsonNode order : node.path("orders")) {
			Long id = number(order, "orderId");
			String status = text(order, "status");
			if (id != null && status != null) {
				moves.add(new Notice.OrderMove(id, number(order, "userId"), text(order, "from"), status,
						text(order, "reason"), text(order, "operator"), timestamp));
			}
		}
		String status = text(node, "status");
		if (status != null) {
			for (JsonNode id : node.path("orderIds")) {
				if (id.canConvertToLong()) {
					moves.add(new Notice.OrderMove(id.asLong(), null, null, status, null, null, timestamp));
				}
			}
		}
		return moves.isEmpty() ? Optional.empty() : Optional.of(new Notice.OrdersMoved(moves));
	}

	private static Optional<Notice> stockLow(JsonNode node, long timestamp) {
		Long productId = number(node, "productId");
		Long available = number(node, "available");
		Long warning = number(node, "warningStock");
		if (productId == null || available == null || warning == null) {
			return Optional.empty();
		}
		Long at = number(node, "at");
		return Optional.of(new Notice.StockLow(productId, Objects.requireNonNullElse(text(node, "name"), ""), available,
				warning, (at != null) ? at : timestamp));
	}

	private static @Nullable Long number(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isNumber() && value.canConvertToLong()) ? value.asLong() : null;
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isString()) ? value.stringValue() : null;
	}

}
