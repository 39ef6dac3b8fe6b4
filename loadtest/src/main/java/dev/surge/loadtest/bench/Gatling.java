package dev.surge.loadtest.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code --gatling} simulation against the benchmark's system, through the Maven
 * wrapper ({@code gatling:test}), smoke load with {@code --smoke}.
 *
 * @param options the benchmark's options
 * @param home the repository, where the Maven wrapper is
 */
record Gatling(Options options, Path home) {

	/**
	 * Runs the simulation, for at most 15 minutes.
	 * @return its exit code, -1 if it did not end in time
	 */
	int run(String apiUrl, String jdbcUrl, String redisUri) {
		Progress.log("Gatling " + this.options.gatling + " against " + apiUrl);
		List<String> command = List.of(this.home.resolve("mvnw").toString(), "-B", "-q", "-pl", "loadtest",
				"gatling:test", "-Dgatling.simulation=" + this.options.gatling, "-Dsurge.baseUrl=" + apiUrl,
				"-Dsurge.jdbcUrl=" + jdbcUrl, "-Dsurge.redisUri=" + redisUri,
				"-Dsurge.load=" + (this.options.smoke ? "smoke" : "full"));
		try {
			Process process = new ProcessBuilder(command).inheritIO().directory(this.home.toFile()).start();
			if (!process.waitFor(15, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				return -1;
			}
			return process.exitValue();
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot run Gatling: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

}
