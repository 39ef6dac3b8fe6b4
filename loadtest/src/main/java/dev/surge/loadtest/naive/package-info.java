/**
 * The naive order handler the benchmark compares the full pipeline with.
 */
@NullMarked
package dev.surge.loadtest.naive;

import org.jspecify.annotations.NullMarked;
