package dev.surge.systemtests;

import java.time.Duration;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import dev.surge.devstack.DevServers;

/**
 * The Kafka broker is killed (SIGKILL) in the middle of a burst and started again a few
 * seconds later: the API answers 503 while it is gone and gives the reservations back (or
 * leaves them to the sweeper), the consumer resumes where it committed, and when
 * everything drained no accepted order is lost or applied twice and Redis agrees with
 * MySQL.
 */
@Order(900)
class KafkaRestartFaultIntegrationTests {

	@Test
	void brokerKilledAndRestartedDuringABurst() throws InterruptedException {
		Faults.outageDuringABurst(Faults.products(8, 400), 48, 2400, 600, (servers) -> servers.stopKafka(true),
				Duration.ofSeconds(4), DevServers::startKafka);
	}

}
