package dev.surge.devstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The chaos run's faults: rounds of kills, each round one of every kind in random order
 * at random moments of the load, and how long each kind took to be ready again.
 */
final class ChaosFaults {

	private final DevServers servers;

	private final Restarts restarts;

	private final Consumer<String> log;

	private final Map<Fault, List<Double>> recovery = Collections.synchronizedMap(new EnumMap<>(Fault.class));

	ChaosFaults(DevServers servers, Restarts restarts, Consumer<String> log) {
		this.servers = servers;
		this.restarts = restarts;
		this.log = log;
	}

	/**
	 * Injects {@code rounds} rounds of faults, spread over the first 85 % of
	 * {@code orders} orders sent.
	 */
	void run(Random random, int rounds, long orders, LongSupplier sent) {
		List<Fault> plan = new ArrayList<>();
		for (int round = 0; round < rounds; round++) {
			List<Fault> kinds = new ArrayList<>(List.of(Fault.values()));
			Collections.shuffle(kinds, random);
			plan.addAll(kinds);
		}
		List<Double> moments = new ArrayList<>();
		for (int i = 0; i < plan.size(); i++) {
			moments.add(0.05 + 0.8 * random.nextDouble());
		}
		Collections.sort(moments);
		this.log.accept("planned kills: " + plan);
		for (int i = 0; i < plan.size(); i++) {
			long at = (long) (moments.get(i) * orders);
			while (sent.getAsLong() < at) {
				ChaosLoad.sleep(Duration.ofMillis(50));
			}
			inject(plan.get(i), random);
		}
	}

	/** Seconds from each kill's restart until ready, by kind. */
	Map<Fault, List<Double>> recovery() {
		synchronized (this.recovery) {
			return new EnumMap<>(this.recovery);
		}
	}

	private void inject(Fault fault, Random random) {
		switch (fault) {
			case KAFKA -> outage(fault, "Kafka broker killed (SIGKILL)", () -> this.servers.stopKafka(true),
					this.servers::startKafka, Duration.ofMillis(2000 + random.nextInt(4000)));
			case REDIS -> outage(fault, "Redis stopped (SIGTERM, AOF kept)", this.servers::stopRedis,
					this.servers::startRedis, Duration.ofMillis(1000 + random.nextInt(2000)));
			case MYSQL -> outage(fault, "MySQL stopped", this.servers::stopMysql, this.servers::startMysql,
					Duration.ofMillis(5000 + random.nextInt(15000)));
			case API -> timed(fault, "order-api restarted", () -> this.restarts.api(random));
			case CONSUMER -> timed(fault, "order-consumer restarted", () -> this.restarts.consumer(random));
		}
	}

	private void outage(Fault fault, String what, Runnable stop, Runnable start, Duration down) {
		this.log.accept("KILL %s, down for %s".formatted(what, down));
		stop.run();
		ChaosLoad.sleep(down);
		timed(fault, "restarted after " + what, start);
	}

	private void timed(Fault fault, String what, Runnable step) {
		long start = System.nanoTime();
		step.run();
		double seconds = (System.nanoTime() - start) / 1e9;
		this.recovery.computeIfAbsent(fault, (kind) -> new ArrayList<>()).add(seconds);
		this.log.accept("%s (ready in %.1f s)".formatted(what, seconds));
	}

	/** The kinds of fault. */
	enum Fault {

		KAFKA, REDIS, MYSQL, API, CONSUMER

	}

	/** Kills and restarts one instance of a service, chosen at random. */
	interface Restarts {

		void api(Random random);

		void consumer(Random random);

	}

}
