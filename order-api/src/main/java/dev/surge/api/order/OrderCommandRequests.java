package dev.surge.api.order;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import dev.surge.contracts.FulfilmentAction;
import dev.surge.contracts.OrderStatus;
import dev.surge.contracts.PaymentOutcome;
import dev.surge.contracts.UserAction;

/**
 * Request bodies of the order commands.
 */
final class OrderCommandRequests {

	private OrderCommandRequests() {
	}

	/**
	 * {@code POST /api/orders/{id}/payment}: what the simulated gateway should answer.
	 *
	 * @param outcome SUCCESS, FAILURE or TIMEOUT
	 */
	record Payment(@NotNull PaymentOutcome outcome) {
	}

	/**
	 * A cancel or refund request.
	 *
	 * @param reason why, for the order log
	 */
	record Reason(@Nullable @Size(max = 200) String reason) {

		String orDefault(String fallback) {
			return (this.reason != null && !this.reason.isBlank()) ? this.reason.strip() : fallback;
		}

	}

	/**
	 * {@code POST /api/admin/orders/{id}/fulfilment}.
	 *
	 * @param action START, COMPLETE or FAIL
	 * @param reason required: the fulfilment log names who did what and why
	 */
	record Fulfilment(@NotNull FulfilmentAction action, @NotBlank @Size(max = 200) String reason) {
	}

	/**
	 * {@code POST /api/admin/orders/{id}/refund-decision}.
	 *
	 * @param approve true: refund and return the stock; false: back to COMPLETED
	 * @param reason why
	 */
	record RefundDecision(@NotNull Boolean approve, @Nullable @Size(max = 200) String reason) {
	}

	/**
	 * The 202 answer.
	 *
	 * @param orderId the order, as a string
	 * @param action what was requested
	 * @param currentStatus the state when the request was accepted
	 */
	record Requested(String orderId, UserAction action, OrderStatus currentStatus) {
	}

}
