/**
 * What the bare and the naive endpoints share: a one-line order, reserved by the
 * production reservation script.
 */
@NullMarked
package dev.surge.loadtest.reserve;

import org.jspecify.annotations.NullMarked;
