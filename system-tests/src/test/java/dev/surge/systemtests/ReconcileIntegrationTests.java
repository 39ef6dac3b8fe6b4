package dev.surge.systemtests;

import java.util.List;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import dev.surge.contracts.RedisKeys;
import dev.surge.contracts.Scripts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code stock-sync reconcile}: reports drift, repairs it with a compare-and-set and an
 * ADJUST log, counts in-flight reservations, and repairs safely while orders flow.
 */
@Order(890)
class ReconcileIntegrationTests {

	@Test
	void reportsAndRepairsDriftWithAnAdjustLog() {
		long product = Shop.product(50);
		SurgeSystem system = SurgeSystem.get();
		system.redis().set(RedisKeys.stock(product), "47");

		SurgeSystem.CommandResult report = system.stockSync("reconcile", "--product", Long.toString(product));
		assertThat(report.exitCode()).as(report.output()).isEqualTo(1);
		assertThat(report.output()).contains("DRIFT");

		SurgeSystem.CommandResult fix = system.stockSync("reconcile", "--fix", "--product", Long.toString(product));
		assertThat(fix.exitCode()).as(fix.output()).isZero();
		assertThat(fix.output()).contains("FIXED");
		assertThat(Stores.redisStock(product)).isEqualTo(50);
		assertThat(Stores.stockLogRows(product, "ADJUST")).isEqualTo(1);

		SurgeSystem.CommandResult again = system.stockSync("reconcile", "--product", Long.toString(product));
		assertThat(again.exitCode()).as(again.output()).isZero();
		Stores.assertInvariants(product);
	}

	@Test
	void countsReservationsOfOrdersNotYetWrittenAndLoadsAMissingKey() {
		long product = Shop.product(30);
		SurgeSystem system = SurgeSystem.get();
		RedisCommands<String, String> redis = system.redis();
		String[] keys = { RedisKeys.stock(product), RedisKeys.reservations(product) };
		String orderId = Long.toString(System.nanoTime());
		// stamped ahead, so the API's sweeper leaves it alone however slow the steps
		// below
		redis.eval(Scripts.RESERVE.source(), ScriptOutputType.MULTI, keys, orderId, "4",
				Long.toString(Lifecycle.beyondTheSweeper()));

		SurgeSystem.CommandResult inFlight = system.stockSync("reconcile", "--product", Long.toString(product));
		assertThat(inFlight.exitCode()).as(inFlight.output()).isZero();

		redis.del(RedisKeys.stock(product));
		SurgeSystem.CommandResult load = system.stockSync("reconcile", "--fix", "--product", Long.toString(product));
		assertThat(load.exitCode()).as(load.output()).isZero();
		assertThat(Stores.redisStock(product)).isEqualTo(26);

		redis.eval(Scripts.RELEASE.source(), ScriptOutputType.INTEGER, keys, orderId);
		assertThat(Stores.redisStock(product)).isEqualTo(30);
		Stores.assertInvariants(product);
	}

	@Test
	void repairsWhileOrdersFlowWithoutRacingThem() {
		List<Long> products = Faults.products(2, 2000);
		SurgeSystem system = SurgeSystem.get();
		try (Burst burst = Burst.start(products, 24, 1200)) {
			burst.awaitAnswers(200);
			for (long product : products) {
				system.redis().incrby(RedisKeys.stock(product), 7);
			}
			for (int round = 0; round < 3; round++) {
				SurgeSystem.CommandResult fix = system.stockSync("reconcile", "--fix", "--product",
						Long.toString(products.get(round % 2)));
				assertThat(fix.exitCode()).as(fix.output()).isIn(0, 1);
			}
			burst.awaitEnd();
			for (long product : products) {
				SurgeSystem.CommandResult fix = system.stockSync("reconcile", "--fix", "--product",
						Long.toString(product));
				assertThat(fix.exitCode()).as(fix.output()).isZero();
			}
			Faults.assertDrainedExactlyOnce(burst, products);
		}
	}

}
