/**
 * The language the services share: events on Kafka, topic names, Redis keys and the
 * reservation scripts. No Spring, no infrastructure.
 */
@NullMarked
package dev.surge.contracts;

import org.jspecify.annotations.NullMarked;
