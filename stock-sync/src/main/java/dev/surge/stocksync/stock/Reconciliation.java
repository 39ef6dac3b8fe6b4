package dev.surge.stocksync.stock;

import java.util.Collection;
import java.util.Map;

import dev.surge.contracts.Reservations;

/**
 * What the Redis stock of one product must be, from MySQL and a snapshot of its
 * reservations. A reservation whose order MySQL already locked (a PRELOCK row) only waits
 * for its claim, which removes it without touching the stock: it is not subtracted. Every
 * other reservation — order not written yet, rejected or abandoned (its release is due) —
 * is: {@code expected = available − Σ unclaimed}. Stock returns MySQL committed and Redis
 * has not applied yet are subtracted too, in the compare-and-set, where their markers are
 * read atomically.
 */
final class Reconciliation {

	private Reconciliation() {
	}

	/**
	 * Units held by reservations MySQL has not locked.
	 * @param reservations order id → {@code qty:epochMillis}
	 * @param prelocked order ids with a PRELOCK row for this product
	 */
	static long unclaimedUnits(Map<String, String> reservations, Collection<Long> prelocked) {
		long units = 0;
		for (Map.Entry<String, String> entry : reservations.entrySet()) {
			if (!prelocked.contains(Long.parseLong(entry.getKey()))) {
				units += Reservations.parse(entry.getValue()).quantity();
			}
		}
		return units;
	}

}
