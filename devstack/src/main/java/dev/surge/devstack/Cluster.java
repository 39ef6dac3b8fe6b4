package dev.surge.devstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code devstack cluster}: the production-like topology on one machine — a KRaft
 * controller and three brokers, a three-master Redis Cluster, MariaDB, two consumers, two
 * APIs and a round-robin balancer in front of the APIs that also serves the UI.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
		description = "Starts Kafka (1 controller + 3 brokers), a 3-master Redis Cluster, MariaDB, "
				+ "2 order-consumer and 2 order-api processes and a balancer on --port.")
final class Cluster implements Callable<Integer> {

	private static final List<String> APP_JVM = List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError",
			"-XX:TieredStopAtLevel=1");

	@CommandLine.ParentCommand
	Devstack parent;

	@Option(names = "--data-dir", defaultValue = ".data-cluster",
			description = "Data, logs and pid files, relative to --home (default: ${DEFAULT-VALUE}).")
	Path dataDir = Path.of(".data-cluster");

	@Option(names = "--port", defaultValue = "8080",
			description = "Port of the balancer in front of both APIs: UI and API (default: ${DEFAULT-VALUE}).")
	int port;

	@Option(names = "--partitions", defaultValue = "6",
			description = "Partitions of orders.v1 and products.v1 (SURGE_KAFKA_PARTITIONS, default: ${DEFAULT-VALUE}).")
	int partitions;

	@Option(names = "--concurrency", defaultValue = "2",
			description = "Listener threads per consumer (SPRING_KAFKA_LISTENER_CONCURRENCY, default: ${DEFAULT-VALUE}).")
	int concurrency;

	@Override
	public Integer call() {
		Path home = this.parent.home.toAbsolutePath().normalize();
		Path consumerJar = Devstack.Run.jar(home, "order-consumer");
		Path stockSyncJar = Devstack.Run.jar(home, "stock-sync");
		Path apiJar = Devstack.Run.jar(home, "order-api");
		Path data = home.resolve(this.dataDir);
		Path logs = data.resolve("logs");
		Ports.requireFree(this.port, "the balancer");

		long began = System.nanoTime();
		ClusterServers servers = ClusterServers
			.start(ClusterServers.Options.fixed(data, Devstack.secret(data, "redis-password", 16)));
		Map<String, String> env = new HashMap<>(servers.springEnvironment());
		env.put("SURGE_DEMO_ENABLED", "true");
		env.put("SURGE_KAFKA_PARTITIONS", Integer.toString(this.partitions));
		env.put("SPRING_KAFKA_LISTENER_CONCURRENCY", Integer.toString(this.concurrency));

		List<ServiceProcess> apps = new ArrayList<>();
		Map<String, String> consumerEnv = new HashMap<>(env);
		consumerEnv.put("SURGE_ORDERS_PAYMENT_TIMEOUT", "PT3M");
		for (int port : new int[] { 8181, 8182 }) {
			apps.add(ServiceProcess.start("order-consumer-" + port, consumerJar, consumerEnv, APP_JVM, port,
					logs.resolve("order-consumer-" + port + ".log")));
		}
		Devstack.stockSyncLoad(stockSyncJar, env, logs.resolve("stock-sync.log"));
		Map<String, String> apiEnv = new HashMap<>(env);
		apiEnv.put("SURGE_SECURITY_JWT_SECRET", Devstack.secret(data, "jwt-secret", 48));
		List<Integer> apiPorts = List.of(8281, 8282);
		for (int port : apiPorts) {
			apps.add(ServiceProcess.start("order-api-" + port, apiJar, apiEnv, APP_JVM, port,
					logs.resolve("order-api-" + port + ".log")));
		}
		Balancer balancer = Balancer.start(this.port, apiPorts);
		System.out.printf("devstack: cluster ready in %.1f s%n", (System.nanoTime() - began) / 1e9);
		printWelcome(servers, balancer, logs);
		Devstack.printEnvironment(servers.springEnvironment());
		Devstack.awaitShutdown(apps);
		return 0;
	}

	private void printWelcome(ClusterServers servers, Balancer balancer, Path logs) {
		System.out.println("""

				Surge is running in cluster mode.
				  Shop, dashboard and API (balancer): http://localhost:%d
				  order-api instances:                http://localhost:8281, http://localhost:8282
				  order-consumer instances:           http://localhost:8181, http://localhost:8182 (/actuator/health)
				  Kafka brokers:                      %s (controller 127.0.0.1:%d)
				  Redis Cluster masters:              %s (password in %s)
				  MariaDB:                            %s
				  Demo users:                         admin / surge-admin, alice / surge-alice, bob / surge-bob
				  Logs:                               %s

				Press Ctrl-C to stop everything.""".formatted(balancer.port(), servers.kafkaBootstrapServers(),
				servers.options().kafkaControllerPort(), servers.redisClusterNodes(),
				servers.options().dataDir().resolve("redis-password"), servers.jdbcUrl(), logs));
	}

}
