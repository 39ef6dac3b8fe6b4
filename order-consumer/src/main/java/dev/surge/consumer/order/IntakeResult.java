package dev.surge.consumer.order;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import dev.surge.consumer.stock.Settlement;

/**
 * What a committed batch leaves to do outside MySQL.
 *
 * @param settlements Redis reservations to claim or release
 * @param stockChanged products whose MySQL stock moved
 * @param pending orders now PENDING_PAYMENT
 * @param rejected orders now REJECTED
 */
record IntakeResult(List<Settlement> settlements, SortedSet<Long> stockChanged, List<Long> pending,
		List<Long> rejected) {

	static final IntakeResult EMPTY = new IntakeResult(List.of(), new TreeSet<>(), List.of(), List.of());

}
