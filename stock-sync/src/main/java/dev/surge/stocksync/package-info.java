/**
 * The stock-sync command line: entry point, connection options and the shared plumbing of
 * its subcommands.
 */
@NullMarked
package dev.surge.stocksync;

import org.jspecify.annotations.NullMarked;
