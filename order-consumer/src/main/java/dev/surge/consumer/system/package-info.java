/**
 * Cross-cutting infrastructure: Kafka topics and error handling, failure classification,
 * change notices.
 */
@NullMarked
package dev.surge.consumer.system;

import org.jspecify.annotations.NullMarked;
