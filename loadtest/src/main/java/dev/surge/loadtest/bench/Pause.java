package dev.surge.loadtest.bench;

import java.time.Duration;

/**
 * Waiting between polls: an interrupt cuts the wait short and stays set for the caller.
 */
final class Pause {

	private Pause() {
	}

	static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
