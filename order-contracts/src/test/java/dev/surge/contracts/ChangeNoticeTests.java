package dev.surge.contracts;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeNoticeTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void stockNoticeCarriesItsTypeName() {
		String text = this.json.writerFor(ChangeNotice.class).writeValueAsString(new StockChanged(List.of(1L, 2L)));
		assertThat(text).contains("\"type\":\"STOCK\"").contains("\"productIds\":[1,2]");
		assertThat(this.json.readValue(text, ChangeNotice.class)).isEqualTo(new StockChanged(List.of(1L, 2L)));
	}

	@Test
	void orderNoticeRoundTrips() {
		ChangeNotice notice = new OrdersChanged(
				List.of(new OrdersChanged.OrderChange(7, 3, "ACCEPTED", "REJECTED", "OUT_OF_STOCK", "system")));
		String text = this.json.writerFor(ChangeNotice.class).writeValueAsString(notice);
		assertThat(text).isEqualTo("{\"type\":\"ORDER\",\"orders\":[{\"orderId\":7,\"userId\":3,"
				+ "\"from\":\"ACCEPTED\",\"status\":\"REJECTED\",\"reason\":\"OUT_OF_STOCK\",\"operator\":\"system\"}]}");
		assertThat(this.json.readValue(text, ChangeNotice.class)).isEqualTo(notice);
	}

	@Test
	void productAndLowStockNoticesRoundTrip() {
		ChangeNotice product = new ProductsChanged(List.of(4L));
		ChangeNotice low = new StockLow(4, "Watch", 3, 10, 1763900000000L);
		String productText = this.json.writerFor(ChangeNotice.class).writeValueAsString(product);
		String lowText = this.json.writerFor(ChangeNotice.class).writeValueAsString(low);
		assertThat(productText).isEqualTo("{\"type\":\"PRODUCT\",\"productIds\":[4]}");
		assertThat(lowText).isEqualTo("{\"type\":\"LOW_STOCK\",\"productId\":4,\"name\":\"Watch\","
				+ "\"available\":3,\"warningStock\":10,\"at\":1763900000000}");
		assertThat(this.json.readValue(productText, ChangeNotice.class)).isEqualTo(product);
		assertThat(this.json.readValue(lowText, ChangeNotice.class)).isEqualTo(low);
	}

}
