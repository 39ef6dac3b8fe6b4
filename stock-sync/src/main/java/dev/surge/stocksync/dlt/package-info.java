/**
 * Dead letters of {@code orders.v1}: list them, replay them once.
 */
@NullMarked
package dev.surge.stocksync.dlt;

import org.jspecify.annotations.NullMarked;
