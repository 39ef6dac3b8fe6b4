package dev.surge.contracts;

import org.jspecify.annotations.Nullable;

/**
 * How an order transition moves its units between the stock columns, with the
 * {@code stock_log.change_type} it writes.
 */
public enum StockMovement {

	/** No stock moves. */
	NONE(null, 0, 0, 0),

	/** available → locked (intake). */
	PRELOCK("PRELOCK", -1, 1, 0),

	/** locked → sold (payment). */
	PAY_CONFIRM("PAY_CONFIRM", 0, -1, 1),

	/** locked → available (cancel, payment failure or timeout). Back to sale. */
	RELEASE("RELEASE", 1, -1, 0),

	/** sold → available (refund, the goods came back). Back to sale. */
	REFUND_RETURN("REFUND_RETURN", 1, 0, -1);

	private final @Nullable String changeType;

	private final int available;

	private final int locked;

	private final int sold;

	StockMovement(@Nullable String changeType, int available, int locked, int sold) {
		this.changeType = changeType;
		this.available = available;
		this.locked = locked;
		this.sold = sold;
	}

	/** The {@code stock_log.change_type}; {@code null} for {@link #NONE}. */
	public @Nullable String changeType() {
		return this.changeType;
	}

	/** Sign of the change of {@code available} per unit. */
	public int available() {
		return this.available;
	}

	/** Sign of the change of {@code locked} per unit. */
	public int locked() {
		return this.locked;
	}

	/** Sign of the change of {@code sold} per unit. */
	public int sold() {
		return this.sold;
	}

	/**
	 * Whether units go back to sale, so Redis must be given them too (after the commit,
	 * outbox style).
	 */
	public boolean returnsToSale() {
		return this.available > 0;
	}

}
