package dev.surge.api.order;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OrderIdsTests {

	private static final long NOW = Instant.parse("2026-11-23T10:00:00Z").toEpochMilli();

	@Test
	void idsAreIncreasingAndUniqueEvenWithinOneMillisecond() {
		OrderIds ids = new OrderIds(7, () -> NOW);
		Set<Long> seen = new HashSet<>();
		long previous = 0;
		for (int i = 0; i < 10_000; i++) {
			long id = ids.next();
			assertThat(id).isGreaterThan(previous);
			assertThat(seen.add(id)).isTrue();
			previous = id;
		}
	}

	@Test
	void idsOfTwoNodesNeverCollide() {
		OrderIds first = new OrderIds(1, () -> NOW);
		OrderIds second = new OrderIds(2, () -> NOW);
		Set<Long> seen = new HashSet<>();
		for (int i = 0; i < 1_000; i++) {
			assertThat(seen.add(first.next())).isTrue();
			assertThat(seen.add(second.next())).isTrue();
		}
	}

	@Test
	void idsSortByTimeAcrossNodes() {
		AtomicLong clock = new AtomicLong(NOW);
		OrderIds late = new OrderIds(1000, clock::get);
		OrderIds early = new OrderIds(1, clock::get);
		long first = late.next();
		clock.addAndGet(1);
		assertThat(early.next()).isGreaterThan(first);
	}

	@Test
	void orderNumberCarriesTheDayAndTheCreationTimeIsRecoverable() {
		long id = new OrderIds(3, () -> NOW).next();
		assertThat(OrderIds.orderNo(id)).startsWith("SG20261123-");
		assertThat(OrderIds.createdAt(id)).isEqualTo(Instant.ofEpochMilli(NOW));
	}

	@Test
	void rejectsANodeIdOutOfRange() {
		assertThatIllegalArgumentException().isThrownBy(() -> new OrderIds(1024, () -> NOW));
	}

	@Test
	void aRenumberedGeneratorIssuesItsNextIdsUnderTheNewNode() {
		OrderIds ids = new OrderIds(5, () -> NOW);
		long before = ids.next();
		ids.renumber(9);
		long after = ids.next();

		assertThat((before >>> 12) & 1023).isEqualTo(5);
		assertThat((after >>> 12) & 1023).isEqualTo(9);
		assertThat(after).isGreaterThan(before);
		assertThatIllegalArgumentException().isThrownBy(() -> ids.renumber(1024));
	}

}
