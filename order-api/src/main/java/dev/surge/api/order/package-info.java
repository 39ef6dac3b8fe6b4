/**
 * Placing orders: validation, idempotency, the Redis reservation gate and the Kafka
 * publish.
 */
@NullMarked
package dev.surge.api.order;

import org.jspecify.annotations.NullMarked;
