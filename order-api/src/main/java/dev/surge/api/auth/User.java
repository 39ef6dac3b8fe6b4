package dev.surge.api.auth;

/**
 * A stored user.
 *
 * @param id user id
 * @param username unique login name
 * @param passwordHash bcrypt hash
 * @param role what they may do
 */
record User(long id, String username, String passwordHash, Role role) {

}
