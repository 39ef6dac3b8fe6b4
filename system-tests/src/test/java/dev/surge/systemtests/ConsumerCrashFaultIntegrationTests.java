package dev.surge.systemtests;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A consumer killed (SIGKILL) in the middle of its batches, three times during one heavy
 * burst, each time restarted.
 * <p>
 * No crash hook is built into the consumer: the kills land at random moments while
 * batches of up to 500 records are applied back to back, so they fall both <em>before the
 * MySQL commit</em> (the transaction is rolled back and the batch redelivered: applied
 * once, later) and <em>after the MySQL commit and before the offset commit</em> (the
 * batch is redelivered and recognised: orders and PRELOCK rows are not written again, the
 * reservations are only claimed again). With batch work taking most of a busy consumer's
 * time, three kills hit one of those windows with near certainty, and the assertions —
 * every accepted order once, one PRELOCK per locked order, {@code locked} equal to the
 * locked orders' units, Redis equal to MySQL — fail in either window if the intake were
 * not idempotent.
 */
@Order(910)
class ConsumerCrashFaultIntegrationTests {

	@Test
	void consumerKilledInTheMiddleOfBatchesAppliesEveryOrderOnce() throws InterruptedException {
		List<Long> products = Faults.products(8, 500);
		SurgeSystem system = SurgeSystem.get();
		try (Burst burst = Burst.start(products, 64, 3000)) {
			for (int kill = 1; kill <= 3; kill++) {
				burst.awaitAnswers(300 + kill * 600);
				Thread.sleep(ThreadLocalRandom.current().nextLong(50, 500));
				system.restartConsumer();
			}
			burst.awaitEnd();
			Faults.assertDrainedExactlyOnce(burst, products);
		}
		Faults.awaitOrdersFlow();
	}

}
