package dev.surge.contracts;

/**
 * What an operator did to a paid order's fulfilment.
 */
public enum FulfilmentAction {

	START, COMPLETE, FAIL

}
