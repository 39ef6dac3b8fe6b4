package dev.surge.loadtest.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs {@code wrk} with {@code loadtest/wrk/orders.lua} and reads the JSON line its
 * {@code done()} prints.
 *
 * @param script the Lua script
 * @param threads wrk threads
 * @param connections open connections
 * @param env variables for the script ({@code WRK_*})
 */
record Wrk(Path script, int threads, int connections, Map<String, String> env) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	Wrk(Path script, int threads, int connections) {
		this(script, threads, connections, Map.of());
	}

	/**
	 * The same load with the {@code WRK_*} variables among {@code variables} given to the
	 * script.
	 * @param variables a variant's variables
	 * @return this wrk with those of them that are the script's
	 */
	Wrk with(Map<String, String> variables) {
		Map<String, String> scripts = new HashMap<>(this.env);
		variables.forEach((key, value) -> {
			if (key.startsWith("WRK_")) {
				scripts.put(key, value);
			}
		});
		return new Wrk(this.script, this.threads, this.connections, Map.copyOf(scripts));
	}

	/**
	 * One run.
	 * @param url base URL
	 * @param path request path
	 * @param tokens token file, or {@code null} for none
	 * @param firstProduct first product id
	 * @param products how many products from the first
	 * @param duration how long
	 * @return what wrk measured
	 */
	Result run(String url, String path, Path tokens, long firstProduct, int products, Duration duration) {
		return run(url, path, tokens, firstProduct, products, 1, duration);
	}

	/**
	 * One run of orders of {@code items} distinct products each.
	 * @param url base URL
	 * @param path request path
	 * @param tokens token file, or {@code null} for none
	 * @param firstProduct first product id
	 * @param products how many products from the first
	 * @param items products per order
	 * @param duration how long
	 * @return what wrk measured
	 */
	Result run(String url, String path, Path tokens, long firstProduct, int products, int items, Duration duration) {
		List<String> command = new ArrayList<>(List.of("wrk", "-t" + this.threads, "-c" + this.connections,
				"-d" + duration.toSeconds() + "s", "--timeout", "5s", "-s", this.script.toString(), url, "--",
				(tokens != null) ? tokens.toString() : "-", Long.toString(firstProduct), Integer.toString(products),
				path, Integer.toString(items)));
		try {
			Path output = Files.createTempFile("wrk", ".out");
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(output.toFile());
			builder.environment().putAll(this.env);
			Process process = builder.start();
			if (!process.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("wrk did not finish");
			}
			List<String> lines = Files.readAllLines(output);
			Files.delete(output);
			for (String line : lines) {
				if (line.startsWith("{\"requests\"")) {
					return Result.of(JSON.readTree(line));
				}
			}
			throw new IllegalStateException("wrk printed no result: " + String.join("\n", lines));
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot run wrk (apt-get install wrk): " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * What one wrk run measured.
	 *
	 * @param requests completed requests
	 * @param seconds measured duration
	 * @param statusErrors responses with a status of 400 or more
	 * @param socketErrors connect, read and write errors and time-outs
	 * @param p50 median latency, ms
	 * @param p99 ms
	 * @param p999 ms
	 */
	record Result(long requests, double seconds, long statusErrors, long socketErrors, double p50, double p99,
			double p999) {

		static Result of(JsonNode json) {
			return new Result(json.get("requests").asLong(), json.get("duration_us").asLong() / 1e6,
					json.get("status_errors").asLong(),
					json.get("connect_errors").asLong() + json.get("read_errors").asLong()
							+ json.get("write_errors").asLong() + json.get("timeouts").asLong(),
					json.get("p50_us").asLong() / 1e3, json.get("p99_us").asLong() / 1e3,
					json.get("p999_us").asLong() / 1e3);
		}

		double perSecond() {
			return this.requests / this.seconds;
		}

		long errors() {
			return this.statusErrors + this.socketErrors;
		}

		/** Answers below 400: with stock to spare every one is a 202. */
		long accepted() {
			return this.requests - this.statusErrors;
		}

	}

}
