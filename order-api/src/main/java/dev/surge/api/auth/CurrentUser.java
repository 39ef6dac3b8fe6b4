package dev.surge.api.auth;

import dev.surge.contracts.Actor;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The caller, as the verified access token names them.
 *
 * @param id user id
 * @param username login name
 * @param role what they may do
 */
public record CurrentUser(long id, String username, Role role) {

	public static CurrentUser of(Jwt token) {
		return new CurrentUser(Long.parseLong(token.getSubject()), token.getClaimAsString("username"),
				Role.valueOf(token.getClaimAsString("role")));
	}

	public boolean isAdmin() {
		return this.role == Role.ADMIN;
	}

	/** Which of the order's rules apply to them. */
	public Actor actor() {
		return isAdmin() ? Actor.ADMIN : Actor.CUSTOMER;
	}

}
