package dev.surge.consumer.stock;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import dev.surge.contracts.OrderLine;
import org.jspecify.annotations.Nullable;

/**
 * Decides which orders of a batch MySQL can lock, from the available units of each
 * product. Pure: no I/O, so the fallback rules are unit-tested.
 * <p>
 * A product whose summed demand over the batch fits its available units grants every line
 * (one summed UPDATE). A product where the sum does not fit is contended: its lines are
 * granted per order in batch order while units remain. An order is all-or-nothing: if any
 * line misses, the order is rejected and the units it tentatively took on other products
 * are put back, so a later order of the batch can still have them.
 */
public final class StockAllocation {

	private StockAllocation() {
	}

	/**
	 * Allocates the batch.
	 * @param demands the new orders of the batch, in batch order, ids distinct
	 * @param available units available per known product; a product missing here is
	 * unknown
	 * @return the verdict per order and the units to lock per product
	 */
	public static Allocation allocate(List<Demand> demands, Map<Long, Long> available) {
		Map<Long, Verdict> verdicts = new LinkedHashMap<>();
		Map<Long, Long> summed = new HashMap<>();
		for (Demand demand : demands) {
			Long unknown = firstUnknownProduct(demand, available);
			if (unknown != null) {
				verdicts.put(demand.orderId(), new UnknownProduct(unknown));
			}
			else {
				demand.lines().forEach((line) -> summed.merge(line.productId(), (long) line.quantity(), Long::sum));
			}
		}
		Map<Long, Long> remaining = new HashMap<>(available);
		SortedMap<Long, Long> locked = new TreeMap<>();
		for (Demand demand : demands) {
			if (!verdicts.containsKey(demand.orderId())) {
				Verdict verdict = take(demand, remaining, summed, available);
				verdicts.put(demand.orderId(), verdict);
				if (verdict instanceof Locked) {
					demand.lines().forEach((line) -> locked.merge(line.productId(), (long) line.quantity(), Long::sum));
				}
			}
		}
		return new Allocation(verdicts, locked);
	}

	private static Verdict take(Demand demand, Map<Long, Long> remaining, Map<Long, Long> summed,
			Map<Long, Long> available) {
		Map<Long, Long> taken = new HashMap<>();
		for (OrderLine line : demand.lines()) {
			long productId = line.productId();
			long left = remaining.get(productId);
			boolean contended = summed.get(productId) > available.get(productId);
			if (contended && left < line.quantity()) {
				taken.forEach((product, units) -> remaining.merge(product, units, Long::sum));
				return new OutOfStock(productId, line.quantity(), left);
			}
			remaining.put(productId, left - line.quantity());
			taken.merge(productId, (long) line.quantity(), Long::sum);
		}
		return new Locked();
	}

	private static @Nullable Long firstUnknownProduct(Demand demand, Map<Long, Long> available) {
		for (OrderLine line : demand.lines()) {
			if (!available.containsKey(line.productId())) {
				return line.productId();
			}
		}
		return null;
	}

	/**
	 * What one new order asks for.
	 *
	 * @param orderId the order
	 * @param lines one line per product
	 */
	public record Demand(long orderId, List<OrderLine> lines) {

		public Demand {
			lines = List.copyOf(lines);
		}

	}

	/**
	 * The outcome of a batch.
	 *
	 * @param verdicts per order id, in batch order
	 * @param locked units to move from available to locked per product, ascending product
	 * id
	 */
	public record Allocation(Map<Long, Verdict> verdicts, SortedMap<Long, Long> locked) {

		public Verdict verdictOf(long orderId) {
			Verdict verdict = this.verdicts.get(orderId);
			if (verdict == null) {
				throw new IllegalArgumentException("Order " + orderId + " was not allocated");
			}
			return verdict;
		}

	}

	/**
	 * Whether MySQL locks an order's stock.
	 */
	public sealed interface Verdict permits Locked, OutOfStock, UnknownProduct {

	}

	/**
	 * Every line is locked.
	 */
	public record Locked() implements Verdict {

	}

	/**
	 * A line did not fit: nothing of the order is locked.
	 *
	 * @param productId the first product that did not fit
	 * @param requested units the order asked for
	 * @param available units that were left for it
	 */
	public record OutOfStock(long productId, long requested, long available) implements Verdict {

	}

	/**
	 * A line names a product that does not exist, is deleted or has no stock row.
	 *
	 * @param productId the product
	 */
	public record UnknownProduct(long productId) implements Verdict {

	}

}
