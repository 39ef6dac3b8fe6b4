/**
 * What the benchmark and the simulations share: an HTTP client for setting up users,
 * tokens and products before a measured window, and the oversell verdict read from MySQL
 * and Redis after it.
 */
@NullMarked
package dev.surge.loadtest.client;

import org.jspecify.annotations.NullMarked;
