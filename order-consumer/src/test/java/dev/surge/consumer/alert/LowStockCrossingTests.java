package dev.surge.consumer.alert;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class LowStockCrossingTests {

	@ParameterizedTest(name = "{0}: available {1}, level {2}, was low {3}")
	@CsvSource(delimiter = '|', nullValues = "never checked", textBlock = """
			raises on the first check when already low          |  3 | 10 | never checked | RAISE
			stays quiet on the first check when not low         | 11 | 10 | never checked | NONE
			stays quiet on the first check when not low         | 50 | 10 | never checked | NONE
			raises when reaching the level                      | 10 | 10 | false         | RAISE
			raises when below the level                         |  9 | 10 | false         | RAISE
			raises when reaching the level                      |  0 |  1 | false         | RAISE
			raises once per crossing                            |  5 | 10 | true          | NONE
			raises once per crossing                            |  0 | 10 | true          | NONE
			clears when back above the level                    | 11 | 10 | true          | CLEAR
			so the next drop alerts again                       | 10 | 10 | false         | RAISE
			a zero warning level stays quiet while some are left |  1 |  0 | never checked | NONE
			a zero warning level alerts when sold out            |  0 |  0 | false         | RAISE
			a zero warning level clears on a restock             |  1 |  0 | true          | CLEAR
			""")
	void decidesTheCrossing(String rule, long available, int warningStock, @Nullable Boolean wasLow,
			LowStockCrossing crossing) {
		assertThat(LowStockCrossing.of(available, warningStock, wasLow)).isEqualTo(crossing);
	}

}
