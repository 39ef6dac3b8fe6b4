package dev.surge.systemtests;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.surge.systemtests.Shop.api;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An order's {@code actions} are exactly what the API accepts from its caller: one order
 * is walked through every state a customer and an admin can act in; in each, every
 * request the order does not list is refused with a 409 that lists what it allows (and
 * changes nothing), and a listed one moves it on. FULFILMENT_FAILED has a way forward for
 * both.
 */
@Order(41)
class OrderActionsIntegrationTests {

	private static final List<String> CUSTOMER = List.of("PAY", "CANCEL", "REQUEST_REFUND");

	private static final List<String> ADMIN = List.of("CANCEL", "START_FULFILMENT", "COMPLETE_FULFILMENT",
			"FAIL_FULFILMENT", "APPROVE_REFUND", "REJECT_REFUND");

	@Test
	void everyStateOffersItsCallerExactlyWhatTheApiAccepts() {
		long product = Shop.product(10);
		Shop.User buyer = Shop.customer();
		long order = Lifecycle.place(buyer, product, 2);
		Stores.awaitStatus(order, "PENDING_PAYMENT");

		step(buyer, order, List.of("PAY", "CANCEL"), List.of("CANCEL"));
		moveOn(buyer.token(), order, "PAY", "AWAITING_FULFILMENT");

		step(buyer, order, List.of("CANCEL"), List.of("CANCEL", "START_FULFILMENT"));
		moveOn(Shop.admin(), order, "START_FULFILMENT", "FULFILLING");

		step(buyer, order, List.of(), List.of("COMPLETE_FULFILMENT", "FAIL_FULFILMENT"));
		moveOn(Shop.admin(), order, "FAIL_FULFILMENT", "FULFILMENT_FAILED");

		step(buyer, order, List.of("CANCEL"), List.of("CANCEL", "START_FULFILMENT"));
		moveOn(Shop.admin(), order, "START_FULFILMENT", "FULFILLING");
		moveOn(Shop.admin(), order, "COMPLETE_FULFILMENT", "COMPLETED");

		step(buyer, order, List.of("REQUEST_REFUND"), List.of());
		moveOn(buyer.token(), order, "REQUEST_REFUND", "AFTER_SALE");

		step(buyer, order, List.of(), List.of("APPROVE_REFUND", "REJECT_REFUND"));
		moveOn(Shop.admin(), order, "APPROVE_REFUND", "REFUNDED");

		step(buyer, order, List.of(), List.of());
		Lifecycle.assertStockSettles(product, new Stores.StockRow(10, 10, 0, 0));
	}

	@Test
	void aCustomerCancelsAnOrderWhoseFulfilmentFailedAndIsRefunded() {
		long product = Shop.product(10);
		Shop.User buyer = Shop.customer();
		long order = Lifecycle.fulfilling(buyer, product, 3);
		Lifecycle.fulfil(order, "FAIL", "parcel lost");
		Stores.awaitStatus(order, "FULFILMENT_FAILED");

		assertAccepted(request(buyer.token(), order, "CANCEL"));

		Stores.awaitStatus(order, "CANCELLED");
		Lifecycle.assertStockSettles(product, new Stores.StockRow(10, 10, 0, 0));
		assertThat(Stores.stockLogRows(product, "REFUND_RETURN")).isEqualTo(1);
	}

	/**
	 * Both callers see what they may do; every other request of theirs is refused with a
	 * 409 naming what the order allows, and the order stays where it is.
	 */
	private static void step(Shop.User buyer, long order, List<String> customerActions, List<String> adminActions) {
		String status = Stores.status(order);
		assertThat(actions(api().get("/api/orders/" + order, buyer.token()).json())).as("customer, " + status)
			.isEqualTo(customerActions);
		assertThat(actions(adminView(buyer, order))).as("admin, " + status).isEqualTo(adminActions);
		assertRefused(buyer.token(), order, CUSTOMER, customerActions, status);
		assertRefused(Shop.admin(), order, ADMIN, adminActions, status);
		assertThat(Stores.status(order)).isEqualTo(status);
	}

	private static void assertRefused(String token, long order, List<String> requests, List<String> listed,
			String status) {
		for (String action : requests) {
			if (!listed.contains(action)) {
				Api.Response refused = request(token, order, action);
				assertThat(refused.status()).as(status + " " + action + ": " + refused.text()).isEqualTo(409);
				assertThat(refused.json().path("type").asString()).isEqualTo("/problems/illegal-transition");
				assertThat(refused.json().path("currentStatus").asString()).isEqualTo(status);
				assertThat(actions(refused.json())).isEqualTo(listed);
			}
		}
	}

	private static JsonNode adminView(Shop.User buyer, long order) {
		Api.Response page = api().get("/api/admin/orders?userId=" + buyer.id() + "&size=100", Shop.admin());
		assertThat(page.status()).as(page.text()).isEqualTo(200);
		for (JsonNode entry : page.json().path("content")) {
			if (entry.path("orderId").asString().equals(Long.toString(order))) {
				return entry;
			}
		}
		throw new AssertionError("order " + order + " not in the admin list");
	}

	private static List<String> actions(JsonNode order) {
		List<String> actions = new ArrayList<>();
		order.path("actions").forEach((action) -> actions.add(action.asString()));
		return actions;
	}

	/** The request behind an action, on its route. */
	private static Api.Response request(String token, long order, String action) {
		String path = "/api/orders/" + order;
		String admin = "/api/admin/orders/" + order;
		return switch (action) {
			case "PAY" -> api().post(path + "/payment", token, Map.of("outcome", "SUCCESS"));
			case "CANCEL" -> api().post(path + "/cancel", token, Map.of("reason", "test"));
			case "REQUEST_REFUND" -> api().post(path + "/refund", token, Map.of("reason", "test"));
			case "START_FULFILMENT" ->
				api().post(admin + "/fulfilment", token, Map.of("action", "START", "reason", "t"));
			case "COMPLETE_FULFILMENT" ->
				api().post(admin + "/fulfilment", token, Map.of("action", "COMPLETE", "reason", "t"));
			case "FAIL_FULFILMENT" -> api().post(admin + "/fulfilment", token, Map.of("action", "FAIL", "reason", "t"));
			case "APPROVE_REFUND" -> api().post(admin + "/refund-decision", token, Map.of("approve", true));
			case "REJECT_REFUND" -> api().post(admin + "/refund-decision", token, Map.of("approve", false));
			default -> throw new IllegalArgumentException(action);
		};
	}

	/** A listed request is accepted and moves the order on to {@code status}. */
	private static void moveOn(String token, long order, String action, String status) {
		assertAccepted(request(token, order, action));
		Stores.awaitStatus(order, status);
	}

	private static void assertAccepted(Api.Response answer) {
		assertThat(answer.status()).as(answer.text()).isEqualTo(202);
	}

}
