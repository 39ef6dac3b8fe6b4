package dev.surge.consumer.alert;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LowStockCrossingTests {

	@Test
	void raisesOnTheFirstCheckWhenAlreadyLow() {
		assertThat(LowStockCrossing.of(3, 10, null)).isEqualTo(LowStockCrossing.RAISE);
	}

	@Test
	void staysQuietOnTheFirstCheckWhenNotLow() {
		assertThat(LowStockCrossing.of(11, 10, null)).isEqualTo(LowStockCrossing.NONE);
		assertThat(LowStockCrossing.of(50, 10, null)).isEqualTo(LowStockCrossing.NONE);
	}

	@Test
	void raisesWhenReachingTheLevel() {
		assertThat(LowStockCrossing.of(10, 10, false)).isEqualTo(LowStockCrossing.RAISE);
		assertThat(LowStockCrossing.of(9, 10, false)).isEqualTo(LowStockCrossing.RAISE);
		assertThat(LowStockCrossing.of(0, 1, false)).isEqualTo(LowStockCrossing.RAISE);
	}

	@Test
	void raisesOncePerCrossing() {
		assertThat(LowStockCrossing.of(5, 10, true)).isEqualTo(LowStockCrossing.NONE);
		assertThat(LowStockCrossing.of(0, 10, true)).isEqualTo(LowStockCrossing.NONE);
	}

	@Test
	void clearsWhenBackAboveTheLevelSoTheNextDropAlertsAgain() {
		assertThat(LowStockCrossing.of(11, 10, true)).isEqualTo(LowStockCrossing.CLEAR);
		assertThat(LowStockCrossing.of(10, 10, false)).isEqualTo(LowStockCrossing.RAISE);
	}

	@Test
	void aZeroWarningLevelAlertsWhenSoldOut() {
		assertThat(LowStockCrossing.of(1, 0, null)).isEqualTo(LowStockCrossing.NONE);
		assertThat(LowStockCrossing.of(0, 0, false)).isEqualTo(LowStockCrossing.RAISE);
		assertThat(LowStockCrossing.of(1, 0, true)).isEqualTo(LowStockCrossing.CLEAR);
	}

}
