/**
 * order-api: the reactive HTTP edge. Features live in sub-packages; cross-cutting code in
 * {@code system}.
 */
@NullMarked
package dev.surge.api;

import org.jspecify.annotations.NullMarked;
