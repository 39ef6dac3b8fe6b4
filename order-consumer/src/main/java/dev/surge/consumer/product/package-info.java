/**
 * The product catalogue: prices and the demo catalogue.
 */
@NullMarked
package dev.surge.consumer.product;

import org.jspecify.annotations.NullMarked;
