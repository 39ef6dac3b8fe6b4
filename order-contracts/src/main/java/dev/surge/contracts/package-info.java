/**
 * The language the services share: events on Kafka, topic names, Redis keys and the
 * reservation scripts. No Spring, no infrastructure.
 */
package dev.surge.contracts;
