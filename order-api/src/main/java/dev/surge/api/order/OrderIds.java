package dev.surge.api.order;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Time-sortable 64-bit order ids: 41 bits of milliseconds since 2025-01-01, 10 bits of
 * node id, 12 bits of sequence. Unique across API instances as long as their node ids
 * differ, which {@link NodeIdLease} sees to.
 */
final class OrderIds {

	static final long EPOCH = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();

	private static final int NODE_BITS = 10;

	private static final int SEQUENCE_BITS = 12;

	private static final long SEQUENCE_MASK = (1L << SEQUENCE_BITS) - 1;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

	private volatile long node;

	private final LongSupplier clock;

	/** Last issued (millis << SEQUENCE_BITS | sequence). */
	private final AtomicLong last = new AtomicLong();

	OrderIds(long node, LongSupplier clock) {
		this.node = checked(node);
		this.clock = clock;
	}

	/**
	 * Issues the next ids under another node (its lease moved, see {@link NodeIdLease}).
	 */
	void renumber(long node) {
		this.node = checked(node);
	}

	private static long checked(long node) {
		if (node < 0 || node >= (1L << NODE_BITS)) {
			throw new IllegalArgumentException("node must be in [0, 1024): " + node);
		}
		return node;
	}

	long next() {
		long stamp = this.last.updateAndGet((previous) -> {
			long now = (this.clock.getAsLong() - EPOCH) << SEQUENCE_BITS;
			return (now > previous) ? now : previous + 1;
		});
		long millis = stamp >>> SEQUENCE_BITS;
		long sequence = stamp & SEQUENCE_MASK;
		return (millis << (NODE_BITS + SEQUENCE_BITS)) | (this.node << SEQUENCE_BITS) | sequence;
	}

	/** The number shown to people: {@code SG<day>-<id in base 36>}. */
	static String orderNo(long id) {
		long millis = (id >>> (NODE_BITS + SEQUENCE_BITS)) + EPOCH;
		return "SG" + DAY.format(Instant.ofEpochMilli(millis)) + "-" + Long.toString(id, 36).toUpperCase();
	}

	static Instant createdAt(long id) {
		return Instant.ofEpochMilli((id >>> (NODE_BITS + SEQUENCE_BITS)) + EPOCH);
	}

}
