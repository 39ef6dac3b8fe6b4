package dev.surge.api.auth;

/**
 * The answer of {@code POST /api/auth/token}.
 *
 * @param accessToken signed JWT
 * @param tokenType always {@code Bearer}
 * @param expiresIn seconds
 * @param username login name
 * @param role what the user may do
 */
record AccessToken(String accessToken, String tokenType, long expiresIn, String username, Role role) {

}
