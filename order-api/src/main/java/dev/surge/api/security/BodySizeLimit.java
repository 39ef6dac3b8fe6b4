package dev.surge.api.security;

import reactor.core.publisher.Mono;

import dev.surge.api.system.Problem;
import dev.surge.api.system.ProblemResponses;
import dev.surge.api.system.ProblemType;

import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses a body announced larger than the limit before anything reads it; first filter
 * of the security chain. Bodies sent without a length are cut off by the decoder at the
 * same limit ({@link StrictJson}).
 */
public final class BodySizeLimit implements WebFilter {

	private final long maxBytes;

	private final ProblemResponses problems;

	public BodySizeLimit(DataSize maxBodySize, ProblemResponses problems) {
		this.maxBytes = maxBodySize.toBytes();
		this.problems = problems;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (exchange.getRequest().getHeaders().getContentLength() > this.maxBytes) {
			return this.problems.write(exchange, tooLarge(this.maxBytes));
		}
		return chain.filter(exchange);
	}

	static Problem tooLarge(long maxBytes) {
		return ProblemType.CONTENT_TOO_LARGE.problem("The request body may have at most " + maxBytes + " bytes")
			.with("maxBytes", maxBytes);
	}

}
