package dev.surge.api.system;

import java.net.URI;

import org.springframework.http.HttpStatus;

/**
 * Every kind of problem the API answers with: the one owner of each type URI, its status
 * and its title. The API reference lists them from here, and the UI's types are generated
 * from the reference.
 */
public enum ProblemType {

	INVALID_REQUEST(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request"),

	BAD_CREDENTIALS(HttpStatus.UNAUTHORIZED, "bad-credentials", "Bad credentials"),

	UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized"),

	FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "Forbidden"),

	NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not found"),

	UNKNOWN_PRODUCT(HttpStatus.NOT_FOUND, "unknown-product", "Unknown product"),

	METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed"),

	NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable"),

	OUT_OF_STOCK(HttpStatus.CONFLICT, "out-of-stock", "Out of stock"),

	ILLEGAL_TRANSITION(HttpStatus.CONFLICT, "illegal-transition", "Illegal transition"),

	REQUEST_IN_FLIGHT(HttpStatus.CONFLICT, "request-in-flight", "Request in flight"),

	PRODUCT_IN_USE(HttpStatus.CONFLICT, "product-in-use", "Product in use"),

	CONTENT_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "content-too-large", "Content too large"),

	UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type"),

	IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency-Key reused"),

	RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests"),

	LOGIN_THROTTLED(HttpStatus.TOO_MANY_REQUESTS, "login-throttled", "Too many failed logins"),

	INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error"),

	UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable");

	private final HttpStatus status;

	private final String uri;

	private final String title;

	ProblemType(HttpStatus status, String slug, String title) {
		this.status = status;
		this.uri = "/problems/" + slug;
		this.title = title;
	}

	public HttpStatus status() {
		return this.status;
	}

	/**
	 * The type URI, relative to the API's origin, e.g. {@code /problems/out-of-stock}.
	 */
	public String uri() {
		return this.uri;
	}

	public String title() {
		return this.title;
	}

	public Problem problem(String detail) {
		return new Problem(this, detail);
	}

	/**
	 * The type of a framework's error status; {@link #INVALID_REQUEST} for any other 4xx,
	 * {@link #INTERNAL} for the rest.
	 */
	static ProblemType forStatus(HttpStatus status) {
		for (ProblemType type : values()) {
			if (type.status == status && type.generic()) {
				return type;
			}
		}
		return status.is4xxClientError() ? INVALID_REQUEST : INTERNAL;
	}

	private boolean generic() {
		return switch (this) {
			case INVALID_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, METHOD_NOT_ALLOWED, NOT_ACCEPTABLE,
					CONTENT_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, RATE_LIMITED, INTERNAL, UNAVAILABLE ->
				true;
			default -> false;
		};
	}

	URI toUri() {
		return URI.create(this.uri);
	}

}
