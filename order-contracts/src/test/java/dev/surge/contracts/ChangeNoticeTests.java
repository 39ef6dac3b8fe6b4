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
		ChangeNotice notice = new OrdersChanged(List.of(7L), "REJECTED");
		String text = this.json.writerFor(ChangeNotice.class).writeValueAsString(notice);
		assertThat(text).contains("\"type\":\"ORDER\"").contains("\"status\":\"REJECTED\"");
		assertThat(this.json.readValue(text, ChangeNotice.class)).isEqualTo(notice);
	}

}
