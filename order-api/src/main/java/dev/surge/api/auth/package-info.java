/**
 * Users, passwords and signed access tokens.
 */
@NullMarked
package dev.surge.api.auth;

import org.jspecify.annotations.NullMarked;
