package dev.surge.contracts;

/**
 * An admin asked to restore the demo catalogue and its stock (seed 000's 重置库存).
 *
 * @param operator admin username
 * @param requestId unique per request
 * @param at epoch millis
 */
public record DemoResetRequested(String operator, String requestId, long at) implements ProductEvent {

	@Override
	public String key() {
		return "demo";
	}

}
