package dev.surge.stocksync.stock;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReconciliationTests {

	@Test
	void countsOnlyReservationsMysqlHasNotLocked() {
		Map<String, String> reservations = Map.of("1", "3:100", "2", "5:100", "3", "7:100");

		assertThat(Reconciliation.unclaimedUnits(reservations, Set.of(2L))).isEqualTo(10);
		assertThat(Reconciliation.unclaimedUnits(reservations, Set.of())).isEqualTo(15);
		assertThat(Reconciliation.unclaimedUnits(Map.of(), Set.of(2L))).isZero();
	}

	@Test
	void pendingReturnsUseTheConsumersMarkers() {
		assertThat(new PendingReturn(9, 42, 77L, "RELEASE", 2).marker()).isEqualTo("rel:{p42}:77:RELEASE");
		assertThat(new PendingReturn(9, 42, null, "RESTOCK", 2).marker()).isEqualTo("rel:{p42}:log9:RESTOCK");
	}

}
