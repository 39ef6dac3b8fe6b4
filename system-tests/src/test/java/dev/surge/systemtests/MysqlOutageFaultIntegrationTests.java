package dev.surge.systemtests;

import java.time.Duration;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import dev.surge.devstack.DevServers;

/**
 * MySQL stopped for 20 s while orders flow: the API keeps accepting (Redis and Kafka
 * suffice), the consumer waits with back-off (infrastructure failures are never
 * dead-lettered), the sweeper's ReservationExpired for orders it has not written yet only
 * make it claim them; afterwards everything drains exactly once.
 */
@Order(930)
class MysqlOutageFaultIntegrationTests {

	@Test
	void mysqlStoppedFor20SecondsWhileOrdersFlow() throws InterruptedException {
		Faults.outageDuringABurst(Faults.products(6, 400), 32, 2000, 300, DevServers::stopMysql, Duration.ofSeconds(20),
				DevServers::startMysql);
	}

}
