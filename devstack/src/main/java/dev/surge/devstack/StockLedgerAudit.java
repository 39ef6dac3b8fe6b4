package dev.surge.devstack;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * The chaos verdict's proof of "no order lost, none applied twice, nothing oversold",
 * right by construction: it reads every order's stock history, not a balance that
 * cancellations and expiries move. Pure, so the checker itself is tested with histories
 * that hold each kind of violation.
 * <p>
 * Each order line's {@code stock_log} history must be one the order's final state allows:
 * nothing for a rejected order; PRELOCK while unpaid; PRELOCK, PAY_CONFIRM once paid;
 * PRELOCK then RELEASE, or PRELOCK, PAY_CONFIRM, REFUND_RETURN once its units went back
 * to sale. From the histories follow the units each product holds locked and sold, which
 * must equal its MySQL columns and stay within its total.
 */
public final class StockLedgerAudit {

	private static final List<String> UNPAID = List.of("PRELOCK");

	private static final List<String> PAID = List.of("PRELOCK", "PAY_CONFIRM");

	private static final List<String> RELEASED = List.of("PRELOCK", "RELEASE");

	private static final List<String> REFUNDED = List.of("PRELOCK", "PAY_CONFIRM", "REFUND_RETURN");

	/** The histories each final state allows; a state not here allows none. */
	private static final Map<String, Set<List<String>>> ALLOWED = Map.ofEntries(
			Map.entry("REJECTED", Set.of(List.of())), Map.entry("PENDING_PAYMENT", Set.of(UNPAID)),
			Map.entry("PAID", Set.of(PAID)), Map.entry("AWAITING_FULFILMENT", Set.of(PAID)),
			Map.entry("FULFILLING", Set.of(PAID)), Map.entry("COMPLETED", Set.of(PAID)),
			Map.entry("FULFILMENT_FAILED", Set.of(PAID)), Map.entry("AFTER_SALE", Set.of(PAID)),
			Map.entry("CANCELLED", Set.of(RELEASED, REFUNDED)), Map.entry("REFUNDED", Set.of(REFUNDED)));

	private static final int EXAMPLES = 10;

	private StockLedgerAudit() {
	}

	/**
	 * Reads the orders, lines and stock history of these products in one repeatable-read
	 * transaction, so that orders paid or expiring meanwhile cannot make it contradict
	 * itself, and audits them.
	 * @param db a connection to MySQL
	 * @param products the products to audit
	 * @return the findings, with the orders counted by state
	 * @throws SQLException when MySQL fails
	 */
	public static Findings read(Connection db, Collection<Long> products) throws SQLException {
		List<Long> ids = List.copyOf(products);
		String in = String.join(",", Collections.nCopies(ids.size(), "?"));
		boolean autoCommit = db.getAutoCommit();
		db.setAutoCommit(false);
		db.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
		try {
			List<Order> orders = new ArrayList<>();
			query(db, """
					SELECT o.id, o.user_id, o.idempotency_key, o.status FROM orders o
					WHERE o.id IN (SELECT order_id FROM order_items WHERE product_id IN (%s))""".formatted(in), ids,
					(rs) -> orders.add(new Order(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4))));
			List<Line> lines = new ArrayList<>();
			query(db, "SELECT order_id, product_id, quantity FROM order_items WHERE product_id IN (%s)".formatted(in),
					ids, (rs) -> lines.add(new Line(rs.getLong(1), rs.getLong(2), rs.getLong(3))));
			List<Movement> movements = new ArrayList<>();
			query(db, """
					SELECT order_id, product_id, change_type FROM stock_log
					WHERE order_id IS NOT NULL AND product_id IN (%s)""".formatted(in), ids,
					(rs) -> movements.add(new Movement(rs.getLong(1), rs.getLong(2), rs.getString(3))));
			List<Stock> stock = new ArrayList<>();
			query(db,
					"SELECT product_id, total, locked, sold FROM product_stock WHERE product_id IN (%s)".formatted(in),
					ids, (rs) -> stock.add(new Stock(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))));
			db.commit();
			return audit(orders, lines, movements, stock);
		}
		finally {
			db.setAutoCommit(autoCommit);
		}
	}

	private static void query(Connection db, String sql, List<Long> ids, RowReader row) throws SQLException {
		try (PreparedStatement select = db.prepareStatement(sql)) {
			for (int i = 0; i < ids.size(); i++) {
				select.setLong(i + 1, ids.get(i));
			}
			try (ResultSet rs = select.executeQuery()) {
				while (rs.next()) {
					row.accept(rs);
				}
			}
		}
	}

	@FunctionalInterface
	private interface RowReader {

		void accept(ResultSet rs) throws SQLException;

	}

	/**
	 * Audits one consistent read of MySQL.
	 * @param orders every order of the audited products
	 * @param lines their lines
	 * @param movements the order-driven {@code stock_log} rows of those products
	 * @param stock the products' MySQL stock rows
	 */
	static Findings audit(Collection<Order> orders, Collection<Line> lines, Collection<Movement> movements,
			Collection<Stock> stock) {
		Findings findings = new Findings();
		Map<Long, Order> byId = new HashMap<>();
		Map<String, Integer> perKey = new HashMap<>();
		for (Order order : orders) {
			byId.put(order.id(), order);
			findings.states.merge(order.status(), 1L, Long::sum);
			if (order.idempotencyKey() != null
					&& perKey.merge(order.userId() + "/" + order.idempotencyKey(), 1, Integer::sum) > 1) {
				findings.violation(Kind.ORDER_TWICE_FOR_ONE_REQUEST, "order " + order.id() + " repeats user "
						+ order.userId() + "'s Idempotency-Key " + order.idempotencyKey());
			}
		}
		Map<LineId, List<String>> histories = new HashMap<>();
		for (Movement movement : movements) {
			histories.computeIfAbsent(new LineId(movement.orderId(), movement.productId()), (id) -> new ArrayList<>())
				.add(movement.changeType());
		}
		Map<Long, long[]> held = new TreeMap<>();
		Set<LineId> audited = new HashSet<>();
		for (Line line : lines) {
			LineId id = new LineId(line.orderId(), line.productId());
			audited.add(id);
			Order order = byId.get(line.orderId());
			if (order == null) {
				findings.violation(Kind.LINE_WITHOUT_ORDER, "line " + id + " has no order");
				continue;
			}
			List<String> history = sorted(histories.getOrDefault(id, List.of()));
			auditHistory(findings, order, id, history);
			long[] units = held.computeIfAbsent(line.productId(), (product) -> new long[2]);
			if (history.equals(UNPAID)) {
				units[0] += line.quantity();
			}
			else if (history.equals(PAID)) {
				units[1] += line.quantity();
			}
		}
		histories.keySet()
			.stream()
			.filter((id) -> !audited.contains(id))
			.forEach((id) -> findings.violation(Kind.MOVEMENT_WITHOUT_LINE,
					"stock moved for " + id + ", which is no order line"));
		for (Stock row : stock) {
			long[] units = held.getOrDefault(row.productId(), new long[2]);
			if (units[0] != row.locked() || units[1] != row.sold()) {
				findings.violation(Kind.STOCK_DISAGREES_WITH_ORDERS,
						"product " + row.productId() + ": MySQL locked/sold " + row.locked() + "/" + row.sold()
								+ ", its orders' histories " + units[0] + "/" + units[1]);
			}
			long oversold = Math.max(units[0] + units[1], row.locked() + row.sold()) - row.total();
			if (oversold > 0) {
				findings.oversold += oversold;
				findings.violation(Kind.OVERSOLD,
						"product " + row.productId() + ": " + oversold + " units beyond " + row.total());
			}
		}
		return findings;
	}

	private static void auditHistory(Findings findings, Order order, LineId id, List<String> history) {
		if (history.size() != new HashSet<>(history).size()) {
			findings.violation(Kind.MOVEMENT_TWICE, id + " moved twice: " + history);
			return;
		}
		Set<List<String>> allowed = ALLOWED.getOrDefault(order.status(), Set.of());
		if (!allowed.contains(history)) {
			findings.violation(Kind.HISTORY_CONTRADICTS_STATE,
					id + " is " + order.status() + " but its stock history is " + history);
		}
	}

	/** In the order of the lifecycle, whatever order the rows came in. */
	private static List<String> sorted(List<String> history) {
		List<String> order = List.of("PRELOCK", "PAY_CONFIRM", "RELEASE", "REFUND_RETURN");
		return history.stream().sorted((a, b) -> Integer.compare(rank(order, a), rank(order, b))).toList();
	}

	private static int rank(List<String> order, String type) {
		int rank = order.indexOf(type);
		return (rank >= 0) ? rank : Integer.MAX_VALUE;
	}

	/** What can be wrong with the orders' stock histories. */
	public enum Kind {

		/** More than one order for one accepted request (its Idempotency-Key). */
		ORDER_TWICE_FOR_ONE_REQUEST,

		/** The same stock movement applied twice to one order line. */
		MOVEMENT_TWICE,

		/** A line's history is not one its order's final state allows. */
		HISTORY_CONTRADICTS_STATE,

		/** Stock moved for an order or line that does not exist. */
		MOVEMENT_WITHOUT_LINE,

		/** An order line whose order is not in MySQL. */
		LINE_WITHOUT_ORDER,

		/** A product's locked or sold units differ from its orders' histories. */
		STOCK_DISAGREES_WITH_ORDERS,

		/** More units locked or sold than the product has. */
		OVERSOLD

	}

	/**
	 * An order.
	 *
	 * @param id the order id
	 * @param userId its customer
	 * @param idempotencyKey the Idempotency-Key of the request that placed it
	 * @param status its state now
	 */
	record Order(long id, long userId, @Nullable String idempotencyKey, String status) {
	}

	/**
	 * An order line.
	 *
	 * @param orderId the order
	 * @param productId the product
	 * @param quantity units
	 */
	record Line(long orderId, long productId, long quantity) {
	}

	/**
	 * One order-driven {@code stock_log} row.
	 *
	 * @param orderId the order
	 * @param productId the product
	 * @param changeType PRELOCK, PAY_CONFIRM, RELEASE or REFUND_RETURN
	 */
	record Movement(long orderId, long productId, String changeType) {
	}

	/**
	 * A product's MySQL stock row.
	 *
	 * @param productId the product
	 * @param total units owned
	 * @param locked units held by unpaid orders
	 * @param sold units paid for
	 */
	record Stock(long productId, long total, long locked, long sold) {
	}

	private record LineId(long orderId, long productId) {

		@Override
		public String toString() {
			return "order " + this.orderId + " product " + this.productId;
		}

	}

	/** Violations by kind, with the first few examples, and the orders by state. */
	public static final class Findings {

		private final Map<Kind, Long> counts = new TreeMap<>();

		private final Map<String, Long> states = new TreeMap<>();

		private final List<String> examples = new ArrayList<>();

		private long oversold;

		private void violation(Kind kind, String example) {
			this.counts.merge(kind, 1L, Long::sum);
			if (this.examples.size() < EXAMPLES) {
				this.examples.add(kind + ": " + example);
			}
		}

		/**
		 * Violations of a kind.
		 * @param kind the kind
		 * @return how many were found
		 */
		public long count(Kind kind) {
			return this.counts.getOrDefault(kind, 0L);
		}

		/** Units locked or sold beyond the products' totals, summed. */
		long oversoldUnits() {
			return this.oversold;
		}

		/**
		 * Whether nothing was found.
		 * @return {@code true} when clean
		 */
		public boolean clean() {
			return this.counts.isEmpty();
		}

		/**
		 * The audited orders by state.
		 * @return state to count
		 */
		public Map<String, Long> states() {
			return this.states;
		}

		/**
		 * The first few violations, for people.
		 * @return one line each
		 */
		public List<String> examples() {
			return this.examples;
		}

		@Override
		public String toString() {
			return this.counts + " " + this.examples;
		}

	}

}
