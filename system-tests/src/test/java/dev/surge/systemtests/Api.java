package dev.surge.systemtests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client of the running API, as any other client would use it.
 */
final class Api {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final String base;

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.executor(Executors.newVirtualThreadPerTaskExecutor())
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	Api(String base) {
		this.base = base;
	}

	Response get(String path, String token) {
		return send(request(path, token).GET().build());
	}

	Response put(String path, String token, Object body) {
		return send(request(path, token).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
			.build());
	}

	Response delete(String path, String token) {
		return send(request(path, token).DELETE().build());
	}

	Response post(String path, String token, Object body, String... headers) {
		return send(post(request(path, token), body, headers));
	}

	CompletableFuture<Response> postAsync(String path, String token, Object body, String... headers) {
		return this.http.sendAsync(post(request(path, token), body, headers), HttpResponse.BodyHandlers.ofString())
			.thenApply(Response::of);
	}

	/** Sends {@code count} requests at once and waits for all the answers. */
	List<Response> postConcurrently(int count, java.util.function.IntFunction<CompletableFuture<Response>> request) {
		List<CompletableFuture<Response>> answers = IntStream.range(0, count).mapToObj(request).toList();
		CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
		return answers.stream().map(CompletableFuture::join).toList();
	}

	Response raw(String method, String path, String token, String contentType, String body) {
		HttpRequest.Builder builder = request(path, token).method(method, HttpRequest.BodyPublishers.ofString(body));
		if (contentType != null) {
			builder.header("Content-Type", contentType);
		}
		return send(builder.build());
	}

	String url(String path) {
		return this.base + path;
	}

	private HttpRequest.Builder request(String path, String token) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(60));
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return builder;
	}

	private static HttpRequest post(HttpRequest.Builder builder, Object body, String... headers) {
		builder.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		for (int i = 0; i < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		return builder.build();
	}

	private Response send(HttpRequest request) {
		try {
			return Response.of(this.http.send(request, HttpResponse.BodyHandlers.ofString()));
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Response(int status, Map<String, List<String>> headers, String text) {

		static Response of(HttpResponse<String> response) {
			return new Response(response.statusCode(), response.headers().map(), response.body());
		}

		JsonNode json() {
			return JSON.readTree(this.text);
		}

		String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.map((entry) -> entry.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

		String contentType() {
			return header("Content-Type");
		}

	}

}
