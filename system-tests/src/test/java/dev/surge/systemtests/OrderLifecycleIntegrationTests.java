package dev.surge.systemtests;

import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.surge.systemtests.Lifecycle.cancel;
import static dev.surge.systemtests.Lifecycle.decideRefund;
import static dev.surge.systemtests.Lifecycle.fulfil;
import static dev.surge.systemtests.Lifecycle.pay;
import static dev.surge.systemtests.Lifecycle.requestRefund;
import static dev.surge.systemtests.Shop.api;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order state machine of seeds 000 and 003, each transition with its stock movement.
 */
@Order(40)
class OrderLifecycleIntegrationTests {

	@Test
	void paidOrderIsFulfilledToCompletedWithOperatorAndReasonLogged() {
		long product = Shop.product(10, 1500);
		Shop.User buyer = Shop.customer();
		long order = Lifecycle.paid(buyer, product, 2);

		assertThat(Stores.stock(product)).isEqualTo(new Stores.StockRow(10, 8, 0, 2));
		assertThat(Stores.payments(order, "SUCCESS")).isEqualTo(1);
		assertThat(Stores.statusLogRows(order, "PAID")).isEqualTo(1);

		fulfil(order, "START", "packed by warehouse 3");
		Stores.awaitStatus(order, "FULFILLING");
		fulfil(order, "COMPLETE", "delivered to the customer");
		Stores.awaitStatus(order, "COMPLETED");

		Api.Response history = api().get("/api/orders/" + order, buyer.token());
		assertThat(history.json().get("history").valueStream().map((step) -> step.get("to").asString()))
			.containsExactly("PENDING_PAYMENT", "PAID", "AWAITING_FULFILMENT", "FULFILLING", "COMPLETED");
		Api.Response logs = api().get("/api/admin/logs?type=FULFILMENT&orderId=" + order, Shop.admin());
		assertThat(logs.status()).as(logs.text()).isEqualTo(200);
		assertThat(logs.json().get("content").valueStream().map((row) -> row.get("reason").asString()))
			.contains("packed by warehouse 3", "delivered to the customer");
		assertThat(logs.json().get("content").get(0).get("operator").asString()).startsWith("admin_");
		assertThat(Stores.stock(product)).isEqualTo(new Stores.StockRow(10, 8, 0, 2));
		Stores.assertInvariants(product);
	}

	@ParameterizedTest
	@CsvSource({ "FAILURE, PAYMENT_FAILED", "TIMEOUT, PAYMENT_TIMEOUT" })
	void aFailedOrTimedOutPaymentCancelsWithItsReasonAndGivesTheStockBack(String outcome, String reason) {
		long product = Shop.product(10);
		Shop.User buyer = Shop.customer();
		long order = Lifecycle.place(buyer, product, 4);

		pay(buyer, order, outcome);

		Stores.awaitStatus(order, "CANCELLED");
		assertThat(Stores.statusReason(order)).isEqualTo(reason);
		Lifecycle.assertStockSettles(product, new Stores.StockRow(10, 10, 0, 0));
		assertThat(Stores.stockLogRows(product, "RELEASE")).isEqualTo(1);
	}

	@Test
	void cancellingAPaidOrderBeforeFulfilmentRefundsTheStock() {
		long product = Shop.product(10);
		Shop.User buyer = Shop.customer();
		long order = Lifecycle.paid(buyer, product, 3);

		cancel(buyer, order, "changed my mind");

		Stores.awaitStatus(order, "CANCELLED");
		Lifecycle.assertStockSettles(product, new Stores.StockRow(10, 10, 0, 0));
		assertThat(Stores.stockLogRows(product, "REFUND_RETURN")).isEqualTo(1);
	}

	@Test
	void afterSaleRefundReturnsTheStockAndARejectedOneGoesBackToCompleted() {
		long product = Shop.product(10);
		Shop.User buyer = Shop.customer();
		long refunded = Lifecycle.completed(buyer, product, 2);
		long kept = Lifecycle.completed(buyer, product, 1);

		requestRefund(buyer, refunded, "broken");
		requestRefund(buyer, kept, "meh");
		Stores.awaitStatus(refunded, "AFTER_SALE");
		Stores.awaitStatus(kept, "AFTER_SALE");
		decideRefund(refunded, true, "goods returned");
		decideRefund(kept, false, "not eligible");

		Stores.awaitStatus(refunded, "REFUNDED");
		Stores.awaitStatus(kept, "COMPLETED");
		Lifecycle.assertStockSettles(product, new Stores.StockRow(10, 9, 0, 1));
	}

	@Test
	void illegalTransitionsAreRefusedWithTheCurrentState() {
		long product = Shop.product(10);
		Shop.User buyer = Shop.customer();
		long order = Lifecycle.place(buyer, product, 1);
		pay(buyer, order, "FAILURE");
		Stores.awaitStatus(order, "CANCELLED");

		Api.Response payAgain = api().post("/api/orders/" + order + "/payment", buyer.token(),
				Map.of("outcome", "SUCCESS"));
		assertThat(payAgain.status()).isEqualTo(409);
		assertThat(payAgain.json().get("type").asString()).isEqualTo("/problems/illegal-transition");
		assertThat(payAgain.json().get("currentStatus").asString()).isEqualTo("CANCELLED");
		assertThat(payAgain.json().get("action").asString()).isEqualTo("PAY");

		long pending = Lifecycle.place(buyer, product, 1);
		Stores.awaitStatus(pending, "PENDING_PAYMENT");
		assertThat(api()
			.post("/api/admin/orders/" + pending + "/fulfilment", Shop.admin(),
					Map.of("action", "COMPLETE", "reason", "too early"))
			.status()).isEqualTo(409);
		assertThat(api().post("/api/orders/" + pending + "/refund", buyer.token(), Map.of("reason", "x")).status())
			.isEqualTo(409);
		assertThat(api()
			.post("/api/admin/orders/" + pending + "/fulfilment", buyer.token(),
					Map.of("action", "START", "reason", "me"))
			.status()).isEqualTo(403);
		assertThat(
				api().post("/api/orders/" + pending + "/payment", Shop.customer().token(), Map.of("outcome", "SUCCESS"))
					.status())
			.isEqualTo(404);
		assertThat(Stores.stock(product)).isEqualTo(new Stores.StockRow(10, 9, 1, 0));
		Stores.assertInvariants(product);
	}

	@Test
	void payingTwiceChargesOnce() {
		long product = Shop.product(10);
		Shop.User buyer = Shop.customer();
		long order = Lifecycle.place(buyer, product, 1);
		Stores.awaitStatus(order, "PENDING_PAYMENT");

		api().postConcurrently(2, (i) -> api().postAsync("/api/orders/" + order + "/payment", buyer.token(),
				Map.of("outcome", "SUCCESS")));

		Stores.awaitStatus(order, "AWAITING_FULFILMENT");
		Lifecycle.settle();
		assertThat(Stores.payments(order, "SUCCESS")).isEqualTo(1);
		assertThat(Stores.stock(product)).isEqualTo(new Stores.StockRow(10, 9, 0, 1));
		Stores.assertInvariants(product);
	}

}
