package dev.surge.consumer.order;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.surge.contracts.FulfilmentAction;
import dev.surge.contracts.FulfilmentUpdated;
import dev.surge.contracts.OrderLine;
import dev.surge.contracts.OrderPlaced;
import dev.surge.contracts.PaymentOutcome;
import dev.surge.contracts.PaymentReported;
import dev.surge.contracts.ReservationExpired;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OrderEventReaderTests {

	private final OrderEventReader reader = new OrderEventReader();

	@Test
	void readsAnOrderPlaced() {
		String json = """
				{"type":"OrderPlaced","orderId":7,"orderNo":"S7","userId":3,
				 "items":[{"productId":1,"quantity":2}],"placedAt":1763900000000,"extra":true}""";

		assertThat(this.reader.read("7", bytes(json)))
			.isEqualTo(new OrderPlaced(7, "S7", 3, List.of(new OrderLine(1, 2)), 1763900000000L));
	}

	@Test
	void readsAReservationExpired() {
		String json = """
				{"type":"ReservationExpired","orderId":7,"items":[{"productId":1,"quantity":2}],"detectedAt":5}""";

		assertThat(this.reader.read(null, bytes(json)))
			.isEqualTo(new ReservationExpired(7, List.of(new OrderLine(1, 2)), 5));
	}

	@Test
	void rejectsWhatIsNotAnOrderEvent() {
		assertInvalid("7", "not json");
		assertInvalid("7", "null");
		assertInvalid("7", "{\"type\":\"Nope\",\"orderId\":7}");
		assertInvalid("7", "{\"orderId\":7}");
		assertThatExceptionOfType(InvalidOrderEventException.class).isThrownBy(() -> this.reader.read("7", null));
	}

	@Test
	void rejectsInvalidValues() {
		assertInvalid("7", placed(7, "[{\"productId\":1,\"quantity\":0}]"));
		assertInvalid("7", placed(7, "[]"));
		assertInvalid("7", placed(7, "[{\"productId\":1,\"quantity\":1},{\"productId\":1,\"quantity\":2}]"));
		assertInvalid("7", placed(7, "[{\"productId\":-1,\"quantity\":1}]"));
		assertInvalid("7", placed(7, "[null]"));
		assertInvalid("7", "{\"type\":\"OrderPlaced\",\"orderId\":7,\"userId\":3,"
				+ "\"items\":[{\"productId\":1,\"quantity\":1}],\"placedAt\":1}");
		assertInvalid("7", placed(0, "[{\"productId\":1,\"quantity\":1}]"));
	}

	@Test
	void readsTheLifecycleCommands() {
		assertThat(this.reader.read("7", bytes("""
				{"type":"PaymentReported","orderId":7,"operator":"ann","outcome":"SUCCESS","at":5}""")))
			.isEqualTo(new PaymentReported(7, "ann", PaymentOutcome.SUCCESS, 5));
		assertThat(this.reader.read("7", bytes("""
				{"type":"FulfilmentUpdated","orderId":7,"action":"FAIL","operator":"root","reason":"lost","at":5}""")))
			.isEqualTo(new FulfilmentUpdated(7, FulfilmentAction.FAIL, "root", "lost", 5));
	}

	@Test
	void rejectsCommandsWithoutOperatorOrOutcome() {
		assertInvalid("7", "{\"type\":\"PaymentReported\",\"orderId\":7,\"operator\":\"ann\",\"at\":5}");
		assertInvalid("7", "{\"type\":\"PaymentReported\",\"orderId\":7,\"outcome\":\"SUCCESS\",\"at\":5}");
		assertInvalid("7", "{\"type\":\"CancellationRequested\",\"orderId\":7,\"operator\":\"\",\"at\":5}");
		assertInvalid("7", "{\"type\":\"FulfilmentUpdated\",\"orderId\":7,\"operator\":\"root\",\"at\":5}");
		assertInvalid("7",
				"{\"type\":\"PaymentReported\",\"orderId\":7,\"operator\":\"ann\",\"outcome\":\"MAYBE\",\"at\":5}");
	}

	@Test
	void rejectsAKeyThatIsNotTheOrderId() {
		assertInvalid("8", placed(7, "[{\"productId\":1,\"quantity\":1}]"));
	}

	private static String placed(long orderId, String items) {
		return "{\"type\":\"OrderPlaced\",\"orderId\":" + orderId + ",\"orderNo\":\"S\",\"userId\":3,\"items\":" + items
				+ ",\"placedAt\":1}";
	}

	private void assertInvalid(String key, String json) {
		assertThatExceptionOfType(InvalidOrderEventException.class)
			.isThrownBy(() -> this.reader.read(key, bytes(json)));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
