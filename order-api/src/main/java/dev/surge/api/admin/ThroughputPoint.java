package dev.surge.api.admin;

import java.time.Instant;

/**
 * Orders created in one second.
 *
 * @param at the second (ISO-8601, whole seconds)
 * @param accepted orders not rejected
 * @param rejected orders the consumer rejected for lack of stock
 */
public record ThroughputPoint(Instant at, long accepted, long rejected) {

}
