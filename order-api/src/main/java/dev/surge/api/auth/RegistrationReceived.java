package dev.surge.api.auth;

/**
 * The answer of {@code POST /api/users}: the same whether an account was created or the
 * name was already taken, so that signing up cannot tell who has an account. The next
 * step is to log in; that fails when the name belonged to someone else.
 *
 * @param username the name asked for
 */
record RegistrationReceived(String username) {

}
