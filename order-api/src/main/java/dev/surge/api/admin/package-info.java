/**
 * Operations views for admins: all orders, low stock, statistics, operation logs and the
 * demo reset. Reads MySQL and Redis; every change goes to Kafka as a command.
 */
@NullMarked
package dev.surge.api.admin;

import org.jspecify.annotations.NullMarked;
