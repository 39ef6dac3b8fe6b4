package dev.surge.consumer.order;

import java.time.Instant;
import java.util.List;

import dev.surge.contracts.CancellationRequested;
import dev.surge.contracts.FulfilmentAction;
import dev.surge.contracts.FulfilmentUpdated;
import dev.surge.contracts.OrderLine;
import dev.surge.contracts.OrderPlaced;
import dev.surge.contracts.PaymentOutcome;
import dev.surge.contracts.PaymentReported;
import dev.surge.contracts.RefundDecided;
import dev.surge.contracts.RefundRequested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrderCommandTests {

	private static final OrderCommand.Source SOURCE = new OrderCommand.Source(2, 41);

	@Test
	void mapsEveryCommandEventToItsAction() {
		assertThat(action(new PaymentReported(7, "ann", PaymentOutcome.SUCCESS, 1)))
			.isEqualTo(OrderAction.PAYMENT_SUCCESS);
		assertThat(action(new PaymentReported(7, "ann", PaymentOutcome.FAILURE, 1)))
			.isEqualTo(OrderAction.PAYMENT_FAILURE);
		assertThat(action(new PaymentReported(7, "ann", PaymentOutcome.TIMEOUT, 1)))
			.isEqualTo(OrderAction.PAYMENT_TIMEOUT);
		assertThat(action(new CancellationRequested(7, "ann", false, "no", 1))).isEqualTo(OrderAction.CANCEL_BY_USER);
		assertThat(action(new CancellationRequested(7, "root", true, "no", 1))).isEqualTo(OrderAction.CANCEL_BY_ADMIN);
		assertThat(action(new RefundRequested(7, "ann", "broken", 1))).isEqualTo(OrderAction.REQUEST_REFUND);
		assertThat(action(new RefundDecided(7, true, "root", "ok", 1))).isEqualTo(OrderAction.APPROVE_REFUND);
		assertThat(action(new RefundDecided(7, false, "root", "no", 1))).isEqualTo(OrderAction.REJECT_REFUND);
		assertThat(action(new FulfilmentUpdated(7, FulfilmentAction.START, "root", null, 1)))
			.isEqualTo(OrderAction.START);
		assertThat(action(new FulfilmentUpdated(7, FulfilmentAction.COMPLETE, "root", null, 1)))
			.isEqualTo(OrderAction.COMPLETE);
		assertThat(action(new FulfilmentUpdated(7, FulfilmentAction.FAIL, "root", null, 1)))
			.isEqualTo(OrderAction.FAIL);
	}

	@Test
	void keepsOperatorReasonTimeAndSource() {
		OrderCommand command = OrderCommand.of(new CancellationRequested(7, "ann", false, "changed my mind", 1000),
				SOURCE);
		assertThat(command).isEqualTo(new OrderCommand(7, OrderAction.CANCEL_BY_USER, "ann", "changed my mind",
				Instant.ofEpochMilli(1000), null, SOURCE));
		assertThat(OrderCommand.of(new PaymentReported(7, "ann", PaymentOutcome.FAILURE, 1), SOURCE).payment())
			.isEqualTo(PaymentOutcome.FAILURE);
	}

	@Test
	void intakeEventsAreNoCommands() {
		assertThat(OrderCommand.of(new OrderPlaced(7, "S7", 3, List.of(new OrderLine(1, 1)), 1), SOURCE)).isNull();
	}

	private static OrderAction action(dev.surge.contracts.OrderEvent event) {
		OrderCommand command = OrderCommand.of(event, SOURCE);
		assertThat(command).isNotNull();
		return command.action();
	}

}
