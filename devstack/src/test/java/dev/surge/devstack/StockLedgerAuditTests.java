package dev.surge.devstack;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.surge.devstack.StockLedgerAudit.Findings;
import dev.surge.devstack.StockLedgerAudit.Kind;
import dev.surge.devstack.StockLedgerAudit.Line;
import dev.surge.devstack.StockLedgerAudit.Movement;
import dev.surge.devstack.StockLedgerAudit.Order;
import dev.surge.devstack.StockLedgerAudit.Stock;

import static org.assertj.core.api.Assertions.assertThat;

class StockLedgerAuditTests {

	private static final long PRODUCT = 7;

	@Test
	void aRunFullOfCancellationsExpiriesAndRefundsIsClean() {
		Ledger ledger = new Ledger();
		ledger.order(1, "PENDING_PAYMENT", 2, "PRELOCK");
		ledger.order(2, "CANCELLED", 1, "PRELOCK", "RELEASE");
		ledger.order(3, "CANCELLED", 1, "RELEASE", "PRELOCK");
		ledger.order(4, "AWAITING_FULFILMENT", 3, "PAY_CONFIRM", "PRELOCK");
		ledger.order(5, "CANCELLED", 1, "PRELOCK", "PAY_CONFIRM", "REFUND_RETURN");
		ledger.order(6, "REFUNDED", 1, "PRELOCK", "PAY_CONFIRM", "REFUND_RETURN");
		ledger.order(7, "REJECTED", 1);
		ledger.order(8, "COMPLETED", 1, "PRELOCK", "PAY_CONFIRM");

		Findings findings = ledger.audit(10, 2, 4);

		assertThat(findings.clean()).as(findings.examples().toString()).isTrue();
		assertThat(findings.oversoldUnits()).isZero();
	}

	@Test
	void findsTwoOrdersForOneIdempotencyKey() {
		Ledger ledger = new Ledger();
		ledger.order(1, "PENDING_PAYMENT", 1, "PRELOCK");
		ledger.orders.add(new Order(2, 100, "key-1", "PENDING_PAYMENT"));
		ledger.lines.add(new Line(2, PRODUCT, 1));
		ledger.movements.add(new Movement(2, PRODUCT, "PRELOCK"));

		assertThat(ledger.audit(10, 2, 0).count(Kind.ORDER_TWICE_FOR_ONE_REQUEST)).isEqualTo(1);
	}

	@Test
	void findsAMovementAppliedTwice() {
		Ledger ledger = new Ledger();
		ledger.order(1, "PENDING_PAYMENT", 1, "PRELOCK", "PRELOCK");
		ledger.order(2, "CANCELLED", 1, "PRELOCK", "RELEASE", "RELEASE");
		ledger.order(3, "AWAITING_FULFILMENT", 1, "PRELOCK", "PAY_CONFIRM", "PAY_CONFIRM");

		assertThat(ledger.audit(10, 1, 1).count(Kind.MOVEMENT_TWICE)).isEqualTo(3);
	}

	@Test
	void findsHistoriesThatContradictTheFinalState() {
		Ledger ledger = new Ledger();
		ledger.order(1, "PENDING_PAYMENT", 1);
		ledger.order(2, "CANCELLED", 1, "PRELOCK");
		ledger.order(3, "AWAITING_FULFILMENT", 1, "PRELOCK");
		ledger.order(4, "CANCELLED", 1, "PRELOCK", "PAY_CONFIRM", "RELEASE");
		ledger.order(5, "REJECTED", 1, "PRELOCK");
		ledger.order(6, "REFUNDED", 1, "PRELOCK", "RELEASE");
		ledger.order(7, "SOMETHING_ELSE", 1, "PRELOCK");

		Findings findings = ledger.audit(10, 3, 0);

		assertThat(findings.count(Kind.HISTORY_CONTRADICTS_STATE)).isEqualTo(7);
	}

	@Test
	void findsStockMovedForNoLineAndLinesOfNoOrder() {
		Ledger ledger = new Ledger();
		ledger.movements.add(new Movement(99, PRODUCT, "PRELOCK"));
		ledger.lines.add(new Line(98, PRODUCT, 1));

		Findings findings = ledger.audit(10, 0, 0);

		assertThat(findings.count(Kind.MOVEMENT_WITHOUT_LINE)).isEqualTo(1);
		assertThat(findings.count(Kind.LINE_WITHOUT_ORDER)).isEqualTo(1);
	}

	@Test
	void findsStockColumnsThatDisagreeWithTheOrders() {
		Ledger ledger = new Ledger();
		ledger.order(1, "PENDING_PAYMENT", 2, "PRELOCK");
		ledger.order(2, "AWAITING_FULFILMENT", 1, "PRELOCK", "PAY_CONFIRM");

		assertThat(ledger.audit(10, 3, 1).count(Kind.STOCK_DISAGREES_WITH_ORDERS)).isEqualTo(1);
		assertThat(ledger.audit(10, 2, 0).count(Kind.STOCK_DISAGREES_WITH_ORDERS)).isEqualTo(1);
		assertThat(ledger.audit(10, 2, 1).clean()).isTrue();
	}

	@Test
	void findsUnitsSoldBeyondTheTotal() {
		Ledger ledger = new Ledger();
		ledger.order(1, "AWAITING_FULFILMENT", 3, "PRELOCK", "PAY_CONFIRM");
		ledger.order(2, "PENDING_PAYMENT", 2, "PRELOCK");

		Findings findings = ledger.audit(4, 2, 3);

		assertThat(findings.count(Kind.OVERSOLD)).isEqualTo(1);
		assertThat(findings.oversoldUnits()).isEqualTo(1);
	}

	/** Orders of one product, one line each, keyed by their id. */
	private static final class Ledger {

		final List<Order> orders = new ArrayList<>();

		final List<Line> lines = new ArrayList<>();

		final List<Movement> movements = new ArrayList<>();

		void order(long id, String status, long quantity, String... history) {
			this.orders.add(new Order(id, 100, "key-" + id, status));
			this.lines.add(new Line(id, PRODUCT, quantity));
			for (String type : history) {
				this.movements.add(new Movement(id, PRODUCT, type));
			}
		}

		Findings audit(long total, long locked, long sold) {
			return StockLedgerAudit.audit(this.orders, this.lines, this.movements,
					List.of(new Stock(PRODUCT, total, locked, sold)));
		}

	}

}
