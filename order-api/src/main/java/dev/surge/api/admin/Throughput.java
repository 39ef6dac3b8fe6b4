package dev.surge.api.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns per-second counts (seconds without orders are missing) into one point per second.
 */
final class Throughput {

	private Throughput() {
	}

	/**
	 * One point per second of {@code [from, from + seconds)}, oldest first.
	 * @param counts epoch second → {accepted, rejected}
	 */
	static List<ThroughputPoint> bucket(Map<Long, long[]> counts, long fromEpochSecond, int seconds) {
		List<ThroughputPoint> points = new ArrayList<>(seconds);
		for (long second = fromEpochSecond; second < fromEpochSecond + seconds; second++) {
			long[] count = counts.getOrDefault(second, new long[2]);
			points.add(new ThroughputPoint(Instant.ofEpochSecond(second), count[0], count[1]));
		}
		return points;
	}

}
