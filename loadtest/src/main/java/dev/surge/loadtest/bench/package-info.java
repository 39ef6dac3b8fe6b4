/**
 * The one-command benchmark: bare reservation endpoint against the full order path, the
 * consumer's drain rate against a plain JDBC writer, memory, and the oversell verdict.
 */
@NullMarked
package dev.surge.loadtest.bench;

import org.jspecify.annotations.NullMarked;
