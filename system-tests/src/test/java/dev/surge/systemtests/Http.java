package dev.surge.systemtests;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;

/**
 * A raw HTTP client for hostile requests: any method, header and body, and answers read
 * at most 64 KB deep, so that an event stream or a huge answer cannot hang a test.
 */
final class Http {

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.executor(Executors.newVirtualThreadPerTaskExecutor())
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private Http() {
	}

	/**
	 * Sends the request.
	 * @param base e.g. {@code http://127.0.0.1:8080}
	 * @param method any method
	 * @param path raw path and query
	 * @param body the body, or null for none
	 * @param chunked send the body without Content-Length
	 * @param headers name, value, name, value…
	 * @return the answer
	 */
	static Api.Response send(String base, String method, String path, byte[] body, boolean chunked, String... headers) {
		HttpRequest.BodyPublisher publisher = (body == null) ? HttpRequest.BodyPublishers.noBody()
				: chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))
						: HttpRequest.BodyPublishers.ofByteArray(body);
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(30))
			.method(method, publisher);
		for (int i = 0; i < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		try {
			HttpResponse<InputStream> response = CLIENT.send(builder.build(),
					HttpResponse.BodyHandlers.ofInputStream());
			String text;
			try (InputStream in = response.body()) {
				text = response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream") ? ""
						: new String(in.readNBytes(65_536), StandardCharsets.UTF_8);
			}
			return new Api.Response(response.statusCode(), response.headers().map(), text);
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + ": " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static Api.Response send(String base, String method, String path, String body, String... headers) {
		return send(base, method, path, (body != null) ? body.getBytes(StandardCharsets.UTF_8) : null, false, headers);
	}

}
