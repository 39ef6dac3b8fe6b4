package dev.surge.api.order;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.surge.contracts.OrderLine;

import static org.assertj.core.api.Assertions.assertThat;

class ReservationSweeperTests {

	@Test
	void expiresOnlyReservationsTakenBeforeTheCutoffGroupedByOrder() {
		Map<Long, Map<String, String>> held = Map.of(7L, Map.of("100", "2:1000", "101", "1:5000"), 3L,
				Map.of("100", "4:1000", "102", "9:999"));

		Map<Long, List<OrderLine>> expired = ReservationSweeper.expired(held, 2000);

		assertThat(expired).containsOnlyKeys(100L, 102L);
		assertThat(expired.get(100L)).containsExactly(new OrderLine(3, 4), new OrderLine(7, 2));
		assertThat(expired.get(102L)).containsExactly(new OrderLine(3, 9));
	}

	@Test
	void skipsUnreadableEntries() {
		assertThat(ReservationSweeper.expired(Map.of(1L, Map.of("5", "garbage")), Long.MAX_VALUE)).isEmpty();
	}

	@Test
	void waitsForEverySendToHaveFailedOrSucceeded() {
		Duration after = ReservationSweeper.expireAfter(Map.of("delivery.timeout.ms", "8000", "max.block.ms", "2000"),
				Duration.ofSeconds(10));

		assertThat(after).isEqualTo(Duration.ofSeconds(20));
	}

}
