package dev.surge.api.admin;

import java.util.Arrays;
import java.util.List;

/**
 * The kinds of operation log.
 */
public enum LogType {

	/** Order state changes ({@code order_status_log}). */
	ORDER,

	/** Stock movements ({@code stock_log}). */
	STOCK,

	/** The fulfilment part of the order state changes. */
	FULFILMENT,

	/** Sign-ins, refusals and other security events ({@code security_log}). */
	SECURITY;

	static final List<String> NAMES = Arrays.stream(values()).map(Enum::name).toList();

}
