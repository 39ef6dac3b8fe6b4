/**
 * Live events ({@code GET /api/events}, server-sent events): change notices from Kafka,
 * read once per API instance, turned into stock, order, alert, log and statistics events
 * and routed to each subscriber by role and owner.
 */
@NullMarked
package dev.surge.api.live;

import org.jspecify.annotations.NullMarked;
