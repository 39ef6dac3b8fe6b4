package dev.surge.consumer.stock;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import dev.surge.consumer.stock.StockAllocation.Allocation;
import dev.surge.consumer.stock.StockAllocation.Demand;
import dev.surge.consumer.stock.StockAllocation.Locked;
import dev.surge.consumer.stock.StockAllocation.OutOfStock;
import dev.surge.consumer.stock.StockAllocation.UnknownProduct;
import dev.surge.contracts.OrderLine;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StockAllocationTests {

	private static final long PHONE = 1;

	private static final long BUDS = 2;

	private static final long WATCH = 3;

	@Test
	void locksEveryOrderWhenTheSummedDemandFits() {
		Allocation allocation = StockAllocation.allocate(
				List.of(order(10, line(PHONE, 2)), order(11, line(PHONE, 3), line(BUDS, 1)), order(12, line(BUDS, 4))),
				Map.of(PHONE, 5L, BUDS, 5L));

		assertThat(allocation.verdicts().values()).containsOnly(new Locked());
		assertThat(allocation.locked()).containsExactly(Map.entry(PHONE, 5L), Map.entry(BUDS, 5L));
	}

	@Test
	void grantsAHotProductInBatchOrderUntilItRunsOut() {
		List<Demand> demands = IntStream.range(0, 150).mapToObj((i) -> order(1000 + i, line(PHONE, 1))).toList();

		Allocation allocation = StockAllocation.allocate(demands, Map.of(PHONE, 100L));

		assertThat(allocation.locked()).containsExactly(Map.entry(PHONE, 100L));
		assertThat(lockedIds(allocation)).containsExactlyElementsOf(LongRange.of(1000, 1100));
		assertThat(allocation.verdictOf(1100)).isEqualTo(new OutOfStock(PHONE, 1, 0));
		assertThat(allocation.verdictOf(1149)).isEqualTo(new OutOfStock(PHONE, 1, 0));
	}

	@Test
	void aLargeOrderThatDoesNotFitLeavesTheRestForSmallerOnes() {
		Allocation allocation = StockAllocation.allocate(
				List.of(order(1, line(PHONE, 3)), order(2, line(PHONE, 5)), order(3, line(PHONE, 2))),
				Map.of(PHONE, 5L));

		assertThat(allocation.verdictOf(1)).isEqualTo(new Locked());
		assertThat(allocation.verdictOf(2)).isEqualTo(new OutOfStock(PHONE, 5, 2));
		assertThat(allocation.verdictOf(3)).isEqualTo(new Locked());
		assertThat(allocation.locked()).containsExactly(Map.entry(PHONE, 5L));
	}

	@Test
	void rejectsAMultiItemOrderWholeAndPutsBackWhatItTookOnOtherProducts() {
		// PHONE is contended (3 asked, 2 available); BUDS is contended too (2 asked, 1
		// available)
		Allocation allocation = StockAllocation.allocate(List.of(order(1, line(PHONE, 1), line(BUDS, 1)),
				order(2, line(PHONE, 1), line(BUDS, 1)), order(3, line(PHONE, 1))), Map.of(PHONE, 2L, BUDS, 1L));

		assertThat(allocation.verdictOf(1)).isEqualTo(new Locked());
		assertThat(allocation.verdictOf(2)).isEqualTo(new OutOfStock(BUDS, 1, 0));
		// order 2 took a phone and gave it back, so order 3 gets it
		assertThat(allocation.verdictOf(3)).isEqualTo(new Locked());
		assertThat(allocation.locked()).containsExactly(Map.entry(PHONE, 2L), Map.entry(BUDS, 1L));
	}

	@Test
	void aRejectedMultiItemOrderLocksNothingOnItsUncontendedProducts() {
		Allocation allocation = StockAllocation.allocate(
				List.of(order(1, line(PHONE, 1), line(WATCH, 4)), order(2, line(WATCH, 1))),
				Map.of(PHONE, 100L, WATCH, 4L));

		assertThat(allocation.verdictOf(1)).isEqualTo(new Locked());
		assertThat(allocation.verdictOf(2)).isEqualTo(new OutOfStock(WATCH, 1, 0));
		assertThat(allocation.locked()).containsExactly(Map.entry(PHONE, 1L), Map.entry(WATCH, 4L));

		Allocation reversed = StockAllocation.allocate(
				List.of(order(2, line(WATCH, 1)), order(1, line(PHONE, 1), line(WATCH, 4))),
				Map.of(PHONE, 100L, WATCH, 4L));

		assertThat(reversed.verdictOf(1)).isEqualTo(new OutOfStock(WATCH, 4, 3));
		assertThat(reversed.locked()).containsExactly(Map.entry(WATCH, 1L));
	}

	@Test
	void rejectsAnOrderNamingAnUnknownProductWithoutTouchingStock() {
		Allocation allocation = StockAllocation
			.allocate(List.of(order(1, line(PHONE, 1), line(99, 1)), order(2, line(PHONE, 1))), Map.of(PHONE, 1L));

		assertThat(allocation.verdictOf(1)).isEqualTo(new UnknownProduct(99));
		// the unknown order's phone does not count against the demand
		assertThat(allocation.verdictOf(2)).isEqualTo(new Locked());
		assertThat(allocation.locked()).containsExactly(Map.entry(PHONE, 1L));
	}

	@Test
	void rejectsEverythingWhenAProductIsSoldOut() {
		Allocation allocation = StockAllocation.allocate(List.of(order(1, line(PHONE, 1))), Map.of(PHONE, 0L));

		assertThat(allocation.verdictOf(1)).isEqualTo(new OutOfStock(PHONE, 1, 0));
		assertThat(allocation.locked()).isEmpty();
	}

	@Test
	void neverLocksMoreThanIsAvailable() {
		java.util.Random random = new java.util.Random(42);
		for (int round = 0; round < 200; round++) {
			Map<Long, Long> available = Map.of(PHONE, (long) random.nextInt(20), BUDS, (long) random.nextInt(20), WATCH,
					(long) random.nextInt(20));
			List<Demand> demands = new ArrayList<>();
			for (int i = 0; i < 30; i++) {
				List<OrderLine> lines = new ArrayList<>();
				for (long product = PHONE; product <= WATCH; product++) {
					if (random.nextBoolean()) {
						lines.add(line(product, 1 + random.nextInt(4)));
					}
				}
				if (!lines.isEmpty()) {
					demands.add(new Demand(i, lines));
				}
			}
			Allocation allocation = StockAllocation.allocate(demands, available);
			allocation.locked()
				.forEach((product, units) -> assertThat(units).isLessThanOrEqualTo(available.get(product)));
			long lockedUnits = allocation.locked().values().stream().mapToLong(Long::longValue).sum();
			long acceptedUnits = demands.stream()
				.filter((demand) -> allocation.verdictOf(demand.orderId()) instanceof Locked)
				.flatMap((demand) -> demand.lines().stream())
				.mapToLong(OrderLine::quantity)
				.sum();
			assertThat(lockedUnits).isEqualTo(acceptedUnits);
		}
	}

	private static List<Long> lockedIds(Allocation allocation) {
		return allocation.verdicts()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() instanceof Locked)
			.map(Map.Entry::getKey)
			.toList();
	}

	private static Demand order(long id, OrderLine... lines) {
		return new Demand(id, List.of(lines));
	}

	private static OrderLine line(long productId, int quantity) {
		return new OrderLine(productId, quantity);
	}

	private static final class LongRange {

		static List<Long> of(long from, long to) {
			return java.util.stream.LongStream.range(from, to).boxed().toList();
		}

	}

}
