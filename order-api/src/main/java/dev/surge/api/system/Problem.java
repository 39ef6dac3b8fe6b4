package dev.surge.api.system;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * An RFC 9457 problem: a stable type (with its status and title), and the fields a client
 * needs.
 *
 * @param type the kind of problem
 * @param detail what happened this time
 * @param properties extension fields
 * @param retryAfter sent as {@code Retry-After} when present
 */
public record Problem(ProblemType type, String detail, Map<String, Object> properties, @Nullable Duration retryAfter) {

	public Problem {
		properties = Map.copyOf(properties);
	}

	Problem(ProblemType type, String detail) {
		this(type, detail, Map.of(), null);
	}

	public HttpStatus status() {
		return this.type.status();
	}

	public Problem with(String name, Object value) {
		Map<String, Object> more = new LinkedHashMap<>(this.properties);
		more.put(name, value);
		return new Problem(this.type, this.detail, more, this.retryAfter);
	}

	public Problem retryAfter(Duration after) {
		return new Problem(this.type, this.detail, this.properties, after);
	}

	public ProblemDetail toProblemDetail() {
		ProblemDetail detail = ProblemDetail.forStatusAndDetail(status(), this.detail);
		detail.setType(this.type.toUri());
		detail.setTitle(this.type.title());
		this.properties.forEach(detail::setProperty);
		return detail;
	}

	/** The document as plain JSON members, for writers outside Spring's codecs. */
	public Map<String, Object> toMap() {
		Map<String, Object> members = new LinkedHashMap<>();
		members.put("type", this.type.uri());
		members.put("title", this.type.title());
		members.put("status", status().value());
		members.put("detail", this.detail);
		members.putAll(this.properties);
		return members;
	}

	public ApiException toException() {
		return new ApiException(this);
	}

}
