package dev.surge.api.live;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.surge.api.admin.LogType;
import dev.surge.api.auth.CurrentUser;
import dev.surge.api.auth.Role;

import static org.assertj.core.api.Assertions.assertThat;

class LiveEventTests {

	private final CurrentUser alice = new CurrentUser(3, "alice", Role.CUSTOMER);

	private final CurrentUser bob = new CurrentUser(4, "bob", Role.CUSTOMER);

	private final CurrentUser admin = new CurrentUser(1, "admin", Role.ADMIN);

	@Test
	void customersSeeStockAndOnlyTheirOwnOrders() {
		LiveEvent stock = new LiveEvent.StockUpdate(1, 10, 5, 3, 2, 5L);
		LiveEvent alicesOrder = new LiveEvent.OrderUpdate("7", 3L, "PAID", null);
		LiveEvent unknownOwner = new LiveEvent.OrderUpdate("8", null, "PAID", null);
		assertThat(stock.isVisibleTo(this.alice)).isTrue();
		assertThat(alicesOrder.isVisibleTo(this.alice)).isTrue();
		assertThat(alicesOrder.isVisibleTo(this.bob)).isFalse();
		assertThat(unknownOwner.isVisibleTo(this.alice)).isFalse();
		assertThat(unknownOwner.isVisibleTo(this.admin)).isTrue();
	}

	@Test
	void alertsLogsAndStatsAreForAdminsOnly() {
		List<LiveEvent> adminOnly = List.of(new LiveEvent.Alert(1, "Watch", 3, 10),
				new LiveEvent.LogLine(Instant.EPOCH, LogType.ORDER, "7", null, "system", "ACCEPTED→PAID", null),
				new LiveEvent.Stats(Instant.EPOCH, 10, 1));
		assertThat(adminOnly).noneMatch((event) -> event.isVisibleTo(this.alice))
			.allMatch((event) -> event.isVisibleTo(this.admin));
	}

	@Test
	void anOrderMoveBecomesAnOrderEventAndALogLine() {
		Notice.OrderMove move = new Notice.OrderMove(7, 3L, "FULFILLING", "COMPLETED", null, "admin", 1000);
		assertThat(LiveEvents.orderEvents(move)).containsExactly(new LiveEvent.OrderUpdate("7", 3L, "COMPLETED", null),
				new LiveEvent.LogLine(Instant.ofEpochMilli(1000), LogType.FULFILMENT, "7", null, "admin",
						"FULFILLING→COMPLETED", null));
	}

	@Test
	void eventNamesAreTheSseEventTypes() {
		assertThat(LiveController.toEvent(new LiveEvent.StockUpdate(1, 10, 5, 3, 2, null)).event()).isEqualTo("stock");
		assertThat(LiveController.toEvent(new LiveEvent.OrderUpdate("7", 3L, "PAID", null)).event()).isEqualTo("order");
		assertThat(LiveController.toEvent(new LiveEvent.Alert(1, "Watch", 3, 10)).event()).isEqualTo("alert");
		assertThat(LiveController.toEvent(new LiveEvent.Stats(Instant.EPOCH, 1, 0)).event()).isEqualTo("stats");
	}

	@Test
	void coalescerHandsOutEachPendingProductOnce() {
		Coalescer coalescer = new Coalescer();
		coalescer.add(List.of(3L, 1L));
		coalescer.add(List.of(1L, 2L));
		assertThat(coalescer.drain()).containsExactly(1L, 2L, 3L);
		assertThat(coalescer.drain()).isEmpty();
	}

}
