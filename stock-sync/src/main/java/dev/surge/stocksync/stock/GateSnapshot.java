package dev.surge.stocksync.stock;

import java.util.Map;

import dev.surge.contracts.Reservations;
import org.jspecify.annotations.Nullable;

/**
 * One product's Redis gate as reconcile-read.lua saw it, atomically.
 *
 * @param stock {@code stock:{p}}, {@code null} when not loaded
 * @param digest digest of {@code resv:{p}}, compared again by the compare-and-set
 * @param reservations order id → {@code qty:epochMillis}
 */
record GateSnapshot(@Nullable Long stock, String digest, Map<String, String> reservations) {

	long reservedUnits() {
		return this.reservations.values().stream().mapToLong((value) -> Reservations.parse(value).quantity()).sum();
	}

}
