package dev.surge.consumer.order;

import java.time.Instant;
import java.util.List;

import dev.surge.contracts.CancellationRequested;
import dev.surge.contracts.OrderAction;
import dev.surge.contracts.OrderLine;
import dev.surge.contracts.OrderPlaced;
import dev.surge.contracts.PaymentOutcome;
import dev.surge.contracts.PaymentReported;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrderCommandTests {

	private static final OrderCommand.Source SOURCE = new OrderCommand.Source(2, 41);

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

}
