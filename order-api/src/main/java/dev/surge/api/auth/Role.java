package dev.surge.api.auth;

/**
 * What a user may do.
 */
public enum Role {

	CUSTOMER, ADMIN

}
