/**
 * Stock commands: load Redis from MySQL, check the invariants and report drift.
 */
@NullMarked
package dev.surge.stocksync.stock;

import org.jspecify.annotations.NullMarked;
