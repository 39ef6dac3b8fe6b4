package dev.surge.consumer.product;

import java.nio.charset.StandardCharsets;

import dev.surge.contracts.DemoResetRequested;
import dev.surge.contracts.StockRestocked;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ProductEventReaderTests {

	private final ProductEventReader reader = new ProductEventReader();

	@Test
	void readsARestock() {
		assertThat(read("""
				{"type":"StockRestocked","productId":4,"quantity":20,"operator":"root","reason":"truck",
				 "requestId":"r-1","at":5}""")).isEqualTo(new StockRestocked(4, 20, "root", "truck", "r-1", 5));
	}

	@Test
	void readsADemoReset() {
		assertThat(read("{\"type\":\"DemoResetRequested\",\"operator\":\"root\",\"requestId\":\"r-2\",\"at\":5}"))
			.isEqualTo(new DemoResetRequested("root", "r-2", 5));
	}

	@Test
	void rejectsInvalidCommands() {
		assertInvalid("not json");
		assertInvalid(
				"{\"type\":\"StockRestocked\",\"productId\":4,\"quantity\":0,\"operator\":\"root\",\"requestId\":\"r\",\"at\":5}");
		assertInvalid("{\"type\":\"StockRestocked\",\"productId\":4,\"quantity\":3,\"operator\":\"root\",\"at\":5}");
		assertInvalid("{\"type\":\"ProductDeleted\",\"productId\":0,\"operator\":\"root\",\"at\":5}");
		assertInvalid("{\"type\":\"ProductUpdated\",\"productId\":4,\"name\":\" \",\"priceCents\":1,"
				+ "\"warningStock\":1,\"operator\":\"root\",\"at\":5}");
		assertInvalid("{\"type\":\"ProductUpdated\",\"productId\":4,\"name\":\"x\",\"priceCents\":-1,"
				+ "\"warningStock\":1,\"operator\":\"root\",\"at\":5}");
		assertInvalid("{\"type\":\"DemoResetRequested\",\"requestId\":\"r\",\"at\":5}");
	}

	private Object read(String json) {
		return this.reader.read(json.getBytes(StandardCharsets.UTF_8));
	}

	private void assertInvalid(String json) {
		assertThatExceptionOfType(InvalidProductEventException.class).isThrownBy(() -> read(json));
	}

}
