package dev.surge.systemtests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A server-sent event stream of one API, read line by line, as EventSource would. */
final class EventStream implements AutoCloseable {

	private final StringBuffer received = new StringBuffer();

	private final CompletableFuture<HttpResponse<Stream<String>>> response;

	private final Duration wait;

	/**
	 * @param wait how long {@link #awaitLine} waits for a line
	 */
	EventStream(Api api, String token, Duration wait) {
		this.wait = wait;
		HttpRequest request = HttpRequest.newBuilder(URI.create(api.url("/api/events?access_token=" + token)))
			.header("Accept", "text/event-stream")
			.build();
		this.response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
		this.response
			.thenAcceptAsync((lines) -> lines.body().forEach((line) -> this.received.append(line).append('\n')));
	}

	void awaitConnected() throws Exception {
		assertThat(this.response.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
	}

	/** Waits for a data line containing {@code text} and returns it. */
	String awaitLine(String text) {
		return await().atMost(this.wait)
			.until(() -> this.received.toString()
				.lines()
				.filter((line) -> line.contains(text))
				.findFirst()
				.orElse(null), (line) -> line != null);
	}

	String received() {
		return this.received.toString();
	}

	@Override
	public void close() {
		this.response.thenAccept((lines) -> lines.body().close());
	}

}
