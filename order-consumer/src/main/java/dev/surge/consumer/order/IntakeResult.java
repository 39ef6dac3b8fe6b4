package dev.surge.consumer.order;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import dev.surge.consumer.stock.Settlement;
import dev.surge.contracts.OrdersChanged.OrderChange;

/**
 * What a committed batch leaves to do outside MySQL.
 *
 * @param settlements Redis reservations to claim or release
 * @param stockChanged products whose MySQL stock moved
 * @param changes orders now PENDING_PAYMENT or REJECTED
 */
record IntakeResult(List<Settlement> settlements, SortedSet<Long> stockChanged, List<OrderChange> changes) {

	static final IntakeResult EMPTY = new IntakeResult(List.of(), new TreeSet<>(), List.of());

}
