package dev.surge.api.system;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * An RFC 9457 problem: a stable type, a fixed title, and the fields a client needs.
 *
 * @param status the HTTP status
 * @param type the last part of the type URI, e.g. {@code out-of-stock}
 * @param title fixed per type
 * @param detail what happened this time
 * @param properties extension fields
 * @param retryAfter sent as {@code Retry-After} when present
 */
public record Problem(HttpStatus status, String type, String title, String detail, Map<String, Object> properties,
		@Nullable Duration retryAfter) {

	public Problem {
		properties = Map.copyOf(properties);
	}

	public static Problem of(HttpStatus status, String type, String title, String detail) {
		return new Problem(status, type, title, detail, Map.of(), null);
	}

	public Problem with(String name, Object value) {
		Map<String, Object> more = new LinkedHashMap<>(this.properties);
		more.put(name, value);
		return new Problem(this.status, this.type, this.title, this.detail, more, this.retryAfter);
	}

	public Problem retryAfter(Duration after) {
		return new Problem(this.status, this.type, this.title, this.detail, this.properties, after);
	}

	public ProblemDetail toProblemDetail() {
		ProblemDetail detail = ProblemDetail.forStatusAndDetail(this.status, this.detail);
		detail.setType(URI.create("/problems/" + this.type));
		detail.setTitle(this.title);
		this.properties.forEach(detail::setProperty);
		return detail;
	}

	/** The document as plain JSON members, for writers outside Spring's codecs. */
	public Map<String, Object> toMap() {
		Map<String, Object> members = new LinkedHashMap<>();
		members.put("type", "/problems/" + this.type);
		members.put("title", this.title);
		members.put("status", this.status.value());
		members.put("detail", this.detail);
		members.putAll(this.properties);
		return members;
	}

	public ApiException toException() {
		return new ApiException(this);
	}

}
