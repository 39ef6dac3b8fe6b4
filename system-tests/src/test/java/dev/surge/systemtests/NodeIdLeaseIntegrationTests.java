package dev.surge.systemtests;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import dev.surge.devstack.ServiceProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every running API instance leases its own order-id node in Redis, so two instances
 * never issue the same order id: a second instance leases another node; when Redis loses
 * the leases (restarted without its data) each instance takes its own back; a stopped
 * instance gives its node back.
 */
@Order(87)
class NodeIdLeaseIntegrationTests {

	@Test
	void eachInstanceHoldsItsOwnNodeTakesItBackAndGivesItBack() {
		// an API killed by an earlier test leaves its lease until it expires
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(leases()).as("only the shared API's lease").hasSize(1));
		Map<String, String> before = leases();
		Map<String, String> withSecond;
		try (ServiceProcess second = ExtraApi.start("order-api-node-lease", Map.of())) {
			withSecond = leases();
			assertThat(withSecond).hasSize(before.size() + 1);
			assertThat(withSecond.values()).as("one token per instance").doesNotHaveDuplicates();

			redis().del(withSecond.keySet().toArray(String[]::new));

			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(500))
				.untilAsserted(() -> assertThat(leases()).as("the leases taken back").isEqualTo(withSecond));
		}
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(leases()).as("the stopped instance's node given back").isEqualTo(before));
		List<Long> ttls = before.keySet().stream().map((key) -> redis().pttl(key)).toList();
		assertThat(ttls).as("leases expire unless renewed").allMatch((ttl) -> ttl > 0 && ttl <= 60_000);
	}

	/** Node key → the token of the instance holding it. */
	private static Map<String, String> leases() {
		Map<String, String> leases = new TreeMap<>();
		for (String key : redis().keys("surge:api:node:*")) {
			String token = redis().get(key);
			if (token != null) {
				leases.put(key, token);
			}
		}
		return leases;
	}

	private static RedisCommands<String, String> redis() {
		return SurgeSystem.get().redis();
	}

}
