package dev.surge.api.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ThroughputTests {

	private final long from = Instant.parse("2026-11-23T10:00:00Z").getEpochSecond();

	@Test
	void fillsSecondsWithoutOrdersWithZeros() {
		Map<Long, long[]> counts = Map.of(this.from + 1, new long[] { 5, 2 }, this.from + 3, new long[] { 1, 0 });
		List<ThroughputPoint> points = Throughput.bucket(counts, this.from, 4);
		assertThat(points).containsExactly(new ThroughputPoint(Instant.parse("2026-11-23T10:00:00Z"), 0, 0),
				new ThroughputPoint(Instant.parse("2026-11-23T10:00:01Z"), 5, 2),
				new ThroughputPoint(Instant.parse("2026-11-23T10:00:02Z"), 0, 0),
				new ThroughputPoint(Instant.parse("2026-11-23T10:00:03Z"), 1, 0));
	}

	@Test
	void ignoresCountsOutsideTheWindow() {
		Map<Long, long[]> counts = Map.of(this.from - 1, new long[] { 9, 9 }, this.from + 300, new long[] { 9, 9 });
		List<ThroughputPoint> points = Throughput.bucket(counts, this.from, 300);
		assertThat(points).hasSize(300).allSatisfy((point) -> assertThat(point.accepted() + point.rejected()).isZero());
		assertThat(points.getFirst().at()).isEqualTo(Instant.ofEpochSecond(this.from));
		assertThat(points.getLast().at()).isEqualTo(Instant.ofEpochSecond(this.from + 299));
	}

}
