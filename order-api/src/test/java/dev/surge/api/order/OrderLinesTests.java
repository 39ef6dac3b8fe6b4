package dev.surge.api.order;

import java.time.Duration;
import java.util.List;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.surge.contracts.OrderLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OrderLinesTests {

	private final OrderPlacement placement = new OrderPlacement(null, null, null, null, null, null, null,
			new OrderProperties(100, 3, Duration.ofHours(1)), BulkheadRegistry.ofDefaults(),
			new OrderMetrics(new SimpleMeterRegistry()));

	@Test
	void aOneProductOrderBecomesOneLine() {
		assertThat(this.placement.lines(new OrderRequest(5L, 2, null))).containsExactly(new OrderLine(5, 2));
	}

	@Test
	void linesAreSortedByProductSoScriptsRunInOneOrder() {
		OrderRequest request = new OrderRequest(null, null,
				List.of(new LineRequest(9L, 1), new LineRequest(2L, 4), new LineRequest(5L, 1)));
		assertThat(this.placement.lines(request)).extracting(OrderLine::productId).containsExactly(2L, 5L, 9L);
	}

	@Test
	void rejectsBothFormsAtOnce() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.placement.lines(new OrderRequest(1L, 1, List.of(new LineRequest(2L, 1)))));
	}

	@Test
	void rejectsAnEmptyRequest() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.placement.lines(new OrderRequest(null, null, null)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.placement.lines(new OrderRequest(null, null, List.of())));
	}

	@Test
	void rejectsTheSameProductTwice() {
		OrderRequest request = new OrderRequest(null, null, List.of(new LineRequest(2L, 1), new LineRequest(2L, 3)));
		assertThatIllegalArgumentException().isThrownBy(() -> this.placement.lines(request))
			.withMessageContaining("once");
	}

	@Test
	void enforcesTheQuantityAndItemLimits() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.placement.lines(new OrderRequest(1L, 101, null)));
		OrderRequest tooMany = new OrderRequest(null, null, List.of(new LineRequest(1L, 1), new LineRequest(2L, 1),
				new LineRequest(3L, 1), new LineRequest(4L, 1)));
		assertThatIllegalArgumentException().isThrownBy(() -> this.placement.lines(tooMany));
	}

}
