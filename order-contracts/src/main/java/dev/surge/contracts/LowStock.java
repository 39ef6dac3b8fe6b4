package dev.surge.contracts;

/**
 * The one low-stock rule (seed 002's 库存预警): a product is low when its available units are
 * at or below its warning level, so a level of 0 alerts once it is sold out. The alert,
 * the inventory report and the product JSON the UI reads all ask this.
 */
public final class LowStock {

	private LowStock() {
	}

	/**
	 * @param available MySQL available units
	 * @param warningStock the product's warning level (0 or more)
	 * @return whether the product is low
	 */
	public static boolean isLow(long available, long warningStock) {
		return available <= warningStock;
	}

}
