package dev.surge.api.admin;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogEntriesTests {

	private final Instant at = Instant.parse("2026-11-23T10:00:00.123Z");

	@Test
	void orderTransitionReadsFromArrowTo() {
		LogEntry entry = LogEntries.transition(this.at, 7_000_000_000_001L, "PENDING_PAYMENT", "CANCELLED", "alice",
				"PAYMENT_TIMEOUT");
		assertThat(entry).isEqualTo(new LogEntry(this.at, LogType.ORDER, "7000000000001", null, "alice",
				"PENDING_PAYMENT→CANCELLED", "PAYMENT_TIMEOUT", null));
	}

	@Test
	void firstStateHasNoArrow() {
		assertThat(LogEntries.transition(this.at, 1, null, "ACCEPTED", "system", null).action()).isEqualTo("ACCEPTED");
	}

	@Test
	void fulfilmentTransitionsAreClassifiedAsFulfilment() {
		assertThat(LogEntries.transition(this.at, 1, "AWAITING_FULFILMENT", "FULFILLING", "admin", null).type())
			.isEqualTo(LogType.FULFILMENT);
		assertThat(LogEntries.transition(this.at, 1, "FULFILLING", "FULFILMENT_FAILED", "admin", "lost").type())
			.isEqualTo(LogType.FULFILMENT);
		assertThat(LogEntries.transition(this.at, 1, "FULFILMENT_FAILED", "FULFILLING", "admin", null).type())
			.isEqualTo(LogType.FULFILMENT);
		assertThat(LogEntries.transition(this.at, 1, "PAID", "AWAITING_FULFILMENT", "system", null).type())
			.isEqualTo(LogType.ORDER);
	}

	@Test
	void listedTransitionKeepsTheRequestedTypeAndProduct() {
		LogEntry entry = LogEntries.transition(LogType.ORDER, this.at, 5, 42L, "FULFILLING", "COMPLETED", "admin",
				null);
		assertThat(entry.type()).isEqualTo(LogType.ORDER);
		assertThat(entry.productId()).isEqualTo(42L);
	}

	@Test
	void stockRowDescribesTheColumnsThatMoved() {
		LogEntry entry = LogEntries.stock(this.at, 9L, 42, "PRELOCK", new LogEntries.Deltas(-3, 3, 0, 0), null, null);
		assertThat(entry).isEqualTo(
				new LogEntry(this.at, LogType.STOCK, "9", 42L, null, "PRELOCK", null, "available -3, locked +3"));
		assertThat(new LogEntries.Deltas(10, 0, 0, 10).describe()).isEqualTo("available +10, total +10");
		assertThat(new LogEntries.Deltas(0, -2, 2, 0).describe()).isEqualTo("locked -2, sold +2");
		assertThat(new LogEntries.Deltas(0, 0, 0, 0).describe()).isEqualTo("no change");
	}

	@Test
	void restockWithoutOrderHasNoOrderId() {
		LogEntry entry = LogEntries.stock(this.at, null, 42, "RESTOCK", new LogEntries.Deltas(5, 0, 0, 5), "admin",
				"weekly delivery");
		assertThat(entry.orderId()).isNull();
		assertThat(entry.operator()).isEqualTo("admin");
		assertThat(entry.reason()).isEqualTo("weekly delivery");
	}

	@Test
	void securityRowPutsOutcomeInReasonAndOriginInDetail() {
		LogEntry entry = LogEntries.security(this.at, "mallory", "10.0.0.9", "POST /api/auth/token", "SIGN_IN",
				"REFUSED", "bad password");
		assertThat(entry).isEqualTo(new LogEntry(this.at, LogType.SECURITY, null, null, "mallory", "SIGN_IN", "REFUSED",
				"POST /api/auth/token, from 10.0.0.9, bad password"));
		assertThat(LogEntries.security(this.at, null, null, null, "TOKEN", "REJECTED", null).detail()).isNull();
	}

}
