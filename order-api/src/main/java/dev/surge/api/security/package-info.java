/**
 * Defences at the edge: rate limits shared by every instance, strict input, the security
 * log, and the secrets the API refuses to start without.
 */
@NullMarked
package dev.surge.api.security;

import org.jspecify.annotations.NullMarked;
