/**
 * The order consumer: the only writer of orders and stock in MySQL.
 */
@NullMarked
package dev.surge.consumer;

import org.jspecify.annotations.NullMarked;
