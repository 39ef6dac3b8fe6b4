package dev.surge.loadtest.bench;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** The benchmark's progress lines on standard output, each stamped with the UTC time. */
final class Progress {

	private Progress() {
	}

	static void log(String message) {
		System.out.println("[bench " + ZonedDateTime.now(ZoneOffset.UTC).toLocalTime().withNano(0) + "] " + message);
	}

}
