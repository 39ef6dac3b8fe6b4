/**
 * The catalogue: products with their stock as MySQL and the Redis gate see it.
 */
@NullMarked
package dev.surge.api.product;

import org.jspecify.annotations.NullMarked;
