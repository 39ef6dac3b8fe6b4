package dev.surge.contracts;

/**
 * The value stored per order in {@link RedisKeys#reservations(long)}:
 * {@code qty:epochMillis}.
 *
 * @param quantity reserved units
 * @param reservedAt epoch millis when the API reserved them
 */
public record Reservations(int quantity, long reservedAt) {

	public static Reservations parse(String value) {
		int colon = value.indexOf(':');
		return new Reservations(Integer.parseInt(value.substring(0, colon)),
				Long.parseLong(value.substring(colon + 1)));
	}

	public String format() {
		return this.quantity + ":" + this.reservedAt;
	}

}
