/**
 * Stock in MySQL (allocation, guarded locks, stock log) and the Redis reservations it
 * settles.
 */
@NullMarked
package dev.surge.consumer.stock;

import org.jspecify.annotations.NullMarked;
