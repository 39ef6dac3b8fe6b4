package dev.surge.api.order;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.surge.contracts.OrderLine;

import static org.assertj.core.api.Assertions.assertThat;

class StockGateTests {

	private final OrderLine line = new OrderLine(42, 3);

	@Test
	void mapsEveryReturnCodeOfTheReserveScript() {
		assertThat(StockGate.toReservation(this.line, List.of(1L, 97L))).isEqualTo(new Reservation.Reserved(42, 97));
		assertThat(StockGate.toReservation(this.line, List.of(2L, 97L))).isEqualTo(new Reservation.Reserved(42, 97));
		assertThat(StockGate.toReservation(this.line, List.of(0L, 2L))).isEqualTo(new Reservation.OutOfStock(42, 3, 2));
		assertThat(StockGate.toReservation(this.line, List.of(-1L, 0L))).isEqualTo(new Reservation.NotLoaded(42));
	}

}
