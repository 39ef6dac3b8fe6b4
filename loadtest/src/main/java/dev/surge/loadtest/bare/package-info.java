/**
 * The bare reservation endpoint the benchmark measures the API against.
 */
@NullMarked
package dev.surge.loadtest.bare;

import org.jspecify.annotations.NullMarked;
