package dev.surge.loadtest.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.surge.devstack.DevServers;
import dev.surge.devstack.ServiceProcess;

/**
 * Starts the services under test against the benchmark's servers, each on a free port
 * with its log in {@code loadtest/target/bench}: order-consumer, order-api (the
 * {@code --api-jar} build if given), the bare endpoint and the naive handler, with the
 * options' extra environment and JVM options.
 */
final class Services {

	private final Options options;

	private final Workspace workspace;

	private final DevServers servers;

	private final Map<String, String> springEnv;

	Services(Options options, Workspace workspace, DevServers servers) {
		this.options = options;
		this.workspace = workspace;
		this.servers = servers;
		this.springEnv = new HashMap<>(servers.springEnvironment());
	}

	ServiceProcess startConsumer() {
		Progress.log("starting order-consumer");
		Map<String, String> env = new HashMap<>(this.springEnv);
		env.put("SURGE_DEMO_ENABLED", "false");
		// outside the demo run the consumer requires a Redis password; devstack's Redis
		// has none and takes any for the default user
		env.put("SPRING_DATA_REDIS_USERNAME", "default");
		env.put("SPRING_DATA_REDIS_PASSWORD", "bench");
		env.putAll(this.options.consumerEnv);
		return ServiceProcess.start("order-consumer", jar("order-consumer"), env, this.options.consumerJvm, freePort(),
				this.workspace.file("order-consumer.log"));
	}

	ServiceProcess startApi() {
		Progress.log("starting order-api");
		Map<String, String> env = new HashMap<>(this.springEnv);
		env.put("SURGE_SECURITY_JWT_SECRET", "bench-" + UUID.randomUUID() + "-" + UUID.randomUUID());
		env.put("SURGE_DEMO_ENABLED", "true");
		// rate limits are raised by configuration: pass the caller's SURGE_RATELIMIT_*
		System.getenv().forEach((key, value) -> {
			if (key.startsWith("SURGE_RATELIMIT_")) {
				env.put(key, value);
			}
		});
		env.putAll(this.options.apiEnv);
		List<String> jvm = new ArrayList<>(List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError"));
		jvm.addAll(this.options.apiJvm);
		Path jar = (this.options.apiJar != null) ? Path.of(this.options.apiJar) : jar("order-api");
		return ServiceProcess.start("order-api", jar, env, jvm, freePort(), this.workspace.file("order-api.log"));
	}

	JavaChild startBare() {
		Progress.log("starting the bare endpoint");
		return startChild("dev.surge.loadtest.bare.BareReserveApplication", "bare.log");
	}

	JavaChild startNaive() {
		Progress.log("starting the naive handler");
		return startChild("dev.surge.loadtest.naive.NaiveOrderApplication", "naive.log");
	}

	/** One of the module's own endpoints, with the servers' addresses. */
	private JavaChild startChild(String mainClass, String log) {
		int port = freePort();
		return JavaChild.start(mainClass, List.of("-Xmx256m"),
				Map.of("SPRING_DATA_REDIS_HOST", this.servers.redisHost(), "SPRING_DATA_REDIS_PORT",
						Integer.toString(this.servers.redisPort()), "SPRING_KAFKA_BOOTSTRAP_SERVERS",
						this.servers.kafkaBootstrapServers(), "SERVER_PORT", Integer.toString(port)),
				port, this.workspace.file(log));
	}

	private Path jar(String module) {
		return this.workspace.home().resolve(module + "/target/" + module + "-0.1.0-SNAPSHOT-exec.jar");
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
