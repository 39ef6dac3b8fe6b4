/**
 * Real Kafka (KRaft), Redis and MariaDB servers on one machine without Docker, the
 * one-command run of the whole system, and the infrastructure shared by integration
 * tests.
 */
@NullMarked
package dev.surge.devstack;

import org.jspecify.annotations.NullMarked;
