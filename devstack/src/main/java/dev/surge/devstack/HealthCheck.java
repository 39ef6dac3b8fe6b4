package dev.surge.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Waits for a child JVM's {@code http://127.0.0.1:<port>/actuator/health} to answer 200,
 * for the devstack's services and the benchmark's endpoints alike. What a failure means
 * (and what its message says) is the caller's.
 */
public final class HealthCheck {

	private HealthCheck() {
	}

	/**
	 * Polls the health endpoint until it answers 200, the process exits, the time is up
	 * or the thread is interrupted (its interrupt flag is then set again).
	 * @param process the child
	 * @param port its HTTP port
	 * @param within how long to wait at the most
	 * @param every the pause between two polls
	 * @return how the wait ended
	 */
	public static Outcome await(Process process, int port, Duration within, Duration every) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
			.timeout(Duration.ofSeconds(5))
			.build();
		long deadline = System.nanoTime() + within.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				return Outcome.EXITED;
			}
			try {
				if (answersOk(http, health)) {
					return Outcome.HEALTHY;
				}
				Thread.sleep(every);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return Outcome.INTERRUPTED;
			}
		}
		return Outcome.TIMED_OUT;
	}

	private static boolean answersOk(HttpClient http, HttpRequest health) throws InterruptedException {
		try {
			return http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false; // not listening yet
		}
	}

	/**
	 * How a wait for health ended.
	 */
	public enum Outcome {

		/** The endpoint answered 200. */
		HEALTHY,

		/** The process exited first. */
		EXITED,

		/** The time was up first. */
		TIMED_OUT,

		/** The waiting thread was interrupted. */
		INTERRUPTED

	}

}
