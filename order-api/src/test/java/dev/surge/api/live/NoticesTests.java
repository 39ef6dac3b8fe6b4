package dev.surge.api.live;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.surge.contracts.ChangeNotice;
import dev.surge.contracts.DemoDataReset;
import dev.surge.contracts.Topics;

import static org.assertj.core.api.Assertions.assertThat;

class NoticesTests {

	@Test
	void readsOrderNoticesWithOwnerAndOperator() {
		Optional<Notice> notice = read(Topics.CHANGES, """
				{"type":"ORDER","orders":[{"orderId":7,"userId":3,"from":"ACCEPTED","status":"REJECTED",
				"reason":"OUT_OF_STOCK","operator":"system"},{"orderId":8,"userId":4,"from":null,
				"status":"PENDING_PAYMENT","reason":null,"operator":"system"}]}""");
		assertThat(notice).contains(new Notice.OrdersMoved(
				List.of(new Notice.OrderMove(7, 3L, "ACCEPTED", "REJECTED", "OUT_OF_STOCK", "system", 1000),
						new Notice.OrderMove(8, 4L, null, "PENDING_PAYMENT", null, "system", 1000))));
	}

	@Test
	void readsTheFirstOrderNoticeShapeWithoutOwners() {
		Optional<Notice> notice = read(Topics.CHANGES, "{\"type\":\"ORDER\",\"orderIds\":[7,8],\"status\":\"PAID\"}");
		assertThat(notice)
			.contains(new Notice.OrdersMoved(List.of(new Notice.OrderMove(7, null, null, "PAID", null, null, 1000),
					new Notice.OrderMove(8, null, null, "PAID", null, null, 1000))));
	}

	@Test
	void stockAndProductNoticesBothMeanReReadTheProducts() {
		assertThat(read(Topics.CHANGES, "{\"type\":\"STOCK\",\"productIds\":[1,2]}"))
			.contains(new Notice.ProductsMoved(Set.of(1L, 2L)));
		assertThat(read(Topics.CHANGES, "{\"type\":\"PRODUCT\",\"productIds\":[4]}"))
			.contains(new Notice.ProductsMoved(Set.of(4L)));
	}

	@Test
	void readsLowStockFromEitherTopic() {
		Notice expected = new Notice.StockLow(4, "Watch", 3, 10, 1763900000000L);
		assertThat(read(Topics.STOCK_ALERTS,
				"{\"productId\":4,\"name\":\"Watch\",\"available\":3,\"warningStock\":10,\"at\":1763900000000}"))
			.contains(expected);
		assertThat(read(Topics.CHANGES,
				"{\"type\":\"LOW_STOCK\",\"productId\":4,\"name\":\"Watch\",\"available\":3,\"warningStock\":10,\"at\":1763900000000}"))
			.contains(expected);
	}

	@Test
	void readsTheResetNoticeAsTheConsumerWritesIt() {
		byte[] written = JsonMapper.builder()
			.build()
			.writerFor(ChangeNotice.class)
			.writeValueAsBytes(new DemoDataReset("admin", "r-1"));
		assertThat(Notices.read(Topics.CHANGES, written, 1000)).contains(new Notice.DemoReset("admin"));
	}

	@Test
	void skipsWhatItCannotRead() {
		assertThat(read(Topics.CHANGES, "not json")).isEmpty();
		assertThat(read(Topics.CHANGES, "{\"type\":\"SOMETHING_NEW\",\"productIds\":[1]}")).isEmpty();
		assertThat(read(Topics.CHANGES, "{\"type\":\"STOCK\",\"productIds\":[]}")).isEmpty();
		assertThat(read(Topics.CHANGES, "{\"type\":\"ORDER\",\"orders\":[{\"orderId\":\"x\"}]}")).isEmpty();
		assertThat(read(Topics.STOCK_ALERTS, "{\"productId\":4}")).isEmpty();
		assertThat(Notices.read(Topics.CHANGES, null, 1000)).isEmpty();
	}

	private static Optional<Notice> read(String topic, String json) {
		return Notices.read(topic, json.getBytes(StandardCharsets.UTF_8), 1000);
	}

}
