package dev.surge.api.system;

import java.beans.PropertyEditorSupport;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Stream;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.lettuce.core.RedisException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.ContentTooLargeException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

/**
 * The one place where failures become RFC 9457 problem documents. No stack trace or
 * internal detail ever reaches the client.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemHandling {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

	/** What the strict JSON decoder says about refused text (security.StrictJson). */
	private static final String BAD_TEXT = "Text with control characters or unpaired surrogates";

	/**
	 * Numbers in paths and queries are plain decimals: Spring's default editors would
	 * read {@code 0x10} and {@code #10} as 16.
	 */
	@InitBinder
	void strictNumbers(WebDataBinder binder) {
		binder.registerCustomEditor(long.class, new DecimalEditor(Long::valueOf));
		binder.registerCustomEditor(Long.class, new DecimalEditor(Long::valueOf));
		binder.registerCustomEditor(int.class, new DecimalEditor(Integer::valueOf));
		binder.registerCustomEditor(Integer.class, new DecimalEditor(Integer::valueOf));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> onApiException(ApiException ex) {
		return respond(ex.problem());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> onInvalidBody(WebExchangeBindException ex) {
		List<Map<String, String>> errors = ex.getFieldErrors()
			.stream()
			.map((error) -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
			.toList();
		return respond(Problems.invalid("The request has invalid fields").with("errors", errors));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> onInvalidParameters(HandlerMethodValidationException ex) {
		List<Map<String, String>> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap(ProblemHandling::errors)
			.toList();
		return respond(Problems.invalid("The request has invalid parameters").with("errors", errors));
	}

	/**
	 * A body's fields by their path in the body ({@code items[0].quantity}), as when the
	 * body is validated alone: a route with a constrained header or query parameter
	 * validates its body along with them. Anything else by the parameter's name.
	 */
	private static Stream<Map<String, String>> errors(ParameterValidationResult result) {
		String parameter = String.valueOf(result.getMethodParameter().getParameterName());
		if (result instanceof ParameterErrors body) {
			return Stream.concat(
					body.getFieldErrors().stream().map((error) -> error(error.getField(), error.getDefaultMessage())),
					body.getGlobalErrors().stream().map((error) -> error(parameter, error.getDefaultMessage())));
		}
		return result.getResolvableErrors().stream().map((error) -> error(parameter, error.getDefaultMessage()));
	}

	private static Map<String, String> error(String field, @Nullable String message) {
		return Map.of("field", field, "message", String.valueOf(message));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> onUnreadableInput(ServerWebInputException ex) {
		return respond(Problems.invalid(readableReason(ex)));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> onUnsupportedMediaType(UnsupportedMediaTypeStatusException ex) {
		return respond(ProblemType.UNSUPPORTED_MEDIA_TYPE.problem("Send application/json"));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> onTooLarge(ContentTooLargeException ex) {
		return respond(ProblemType.CONTENT_TOO_LARGE.problem("The request body is too large"));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> onStatus(ResponseStatusException ex) {
		HttpStatus status = HttpStatus.valueOf(ex.getStatusCode().value());
		return respond(ProblemType.forStatus(status).problem(status.getReasonPhrase()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> onOpenBreaker(CallNotPermittedException ex) {
		return respond(Problems.unavailable("A backing service is failing; try again shortly"));
	}

	/**
	 * A store that failed or did not answer in time (Lettuce's, JDBC's or Spring's
	 * exception, a time limiter's, or the connection reset that Lettuce passes on as an
	 * {@link IOException} when Redis dies under a command) is an outage, not a bug: 503,
	 * and the client may retry.
	 */
	@ExceptionHandler({ RedisException.class, DataAccessException.class, SQLException.class, TimeoutException.class,
			IOException.class })
	ResponseEntity<ProblemDetail> onStoreFailure(Exception ex) {
		log.warn("Backing store failed: {}", ex.toString());
		return respond(Problems.unavailable("A backing service is failing; try again shortly"));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> onBug(Exception ex) {
		if (ex instanceof ErrorResponse framework && framework.getStatusCode().is4xxClientError()) {
			HttpStatus status = HttpStatus.valueOf(framework.getStatusCode().value());
			return respond(ProblemType.forStatus(status).problem(status.getReasonPhrase()));
		}
		log.error("Unhandled failure", ex);
		return respond(ProblemType.INTERNAL.problem("The request failed; it has been logged"));
	}

	static ResponseEntity<ProblemDetail> respond(Problem problem) {
		ResponseEntity.BodyBuilder builder = ResponseEntity.status(problem.status());
		if (problem.retryAfter() != null) {
			builder.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, problem.retryAfter().toSeconds())));
		}
		return builder.body(problem.toProblemDetail());
	}

	private static String readableReason(ServerWebInputException ex) {
		Throwable cause = ex.getMostSpecificCause();
		String name = cause.getClass().getSimpleName();
		if (name.contains("UnrecognizedProperty")) {
			return "Unknown field in the request body";
		}
		if (String.valueOf(cause.getMessage()).contains(BAD_TEXT)) {
			return "A text field holds control characters or broken Unicode";
		}
		if (name.contains("StreamConstraints")) {
			return "The request body is nested too deeply or holds a value that is too long";
		}
		if (name.contains("InputCoercion") || String.valueOf(cause.getMessage()).contains("out of range")) {
			return "A number is out of range";
		}
		if (name.contains("MismatchedInput") || name.contains("InvalidFormat")) {
			return "A field has the wrong type";
		}
		if (ex.getReason() != null && ex.getReason().startsWith("No request body")) {
			return "The request body is missing";
		}
		return (cause instanceof ServerWebInputException) ? "The request is not valid"
				: "The request body is not valid JSON for this endpoint";
	}

	private static final class DecimalEditor extends PropertyEditorSupport {

		private final Function<String, Number> parse;

		DecimalEditor(Function<String, Number> parse) {
			this.parse = parse;
		}

		@Override
		public void setAsText(String text) {
			// NumberFormatException is an IllegalArgumentException: a 400 type mismatch
			setValue(this.parse.apply(text.strip()));
		}

	}

}
