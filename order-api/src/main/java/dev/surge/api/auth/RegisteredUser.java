package dev.surge.api.auth;

/**
 * The answer of {@code POST /api/users}.
 *
 * @param id user id
 * @param username login name
 * @param role always {@code CUSTOMER} for self-registration
 */
record RegisteredUser(long id, String username, Role role) {

}
