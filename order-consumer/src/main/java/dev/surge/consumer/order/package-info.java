/**
 * Applies the events of {@code orders.v1} in batches: one MySQL transaction per batch,
 * then the Redis claims and the change notices.
 */
@NullMarked
package dev.surge.consumer.order;

import org.jspecify.annotations.NullMarked;
