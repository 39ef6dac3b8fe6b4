package dev.surge.contracts;

/**
 * What the simulated payment gateway answered.
 */
public enum PaymentOutcome {

	SUCCESS, FAILURE, TIMEOUT

}
