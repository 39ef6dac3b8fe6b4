/**
 * Cross-cutting pieces: problem details, blocking work off the event loop, the UI.
 */
@NullMarked
package dev.surge.api.system;

import org.jspecify.annotations.NullMarked;
