package dev.surge.loadtest.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

	/** Seconds from launch to healthy of every start, by service name. */
	private final Map<String, List<Double>> startSeconds = new LinkedHashMap<>();

	/** One secret for every API started, so a token works on each of them. */
	private final String jwtSecret = "bench-" + UUID.randomUUID() + "-" + UUID.randomUUID();

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
		return started(ServiceProcess.start("order-consumer", jar("order-consumer"), env, this.options.consumerJvm,
				freePort(), this.workspace.file("order-consumer.log")));
	}

	ServiceProcess startApi() {
		return startApi("order-api", Map.of());
	}

	/**
	 * The API with {@code variant}'s variables on top of {@code --api-env}.
	 * @param name its name, that of its log file
	 * @param variant the variables that make it a variant
	 * @return the started API
	 */
	ServiceProcess startApi(String name, Map<String, String> variant) {
		Progress.log("starting " + name + " " + variant);
		Map<String, String> env = new HashMap<>(this.springEnv);
		env.put("SURGE_SECURITY_JWT_SECRET", this.jwtSecret);
		env.put("SURGE_DEMO_ENABLED", "true");
		// with the consumer stopped (2b) the sweeper would expire every reservation 20 s
		// after it was taken: 2b measures the order path, not the recovery from a stopped
		// consumer (the chaos runs and the fault tests prove that)
		env.put("SURGE_SWEEPER_MARGIN", "PT10M");
		// rate limits are raised by configuration: pass the caller's SURGE_RATELIMIT_*
		System.getenv().forEach((key, value) -> {
			if (key.startsWith("SURGE_RATELIMIT_")) {
				env.put(key, value);
			}
		});
		env.putAll(this.options.apiEnv);
		env.putAll(variant);
		List<String> jvm = new ArrayList<>(List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError"));
		jvm.addAll(this.options.apiJvm);
		Path jar = (this.options.apiJar != null) ? Path.of(this.options.apiJar) : jar("order-api");
		return started(ServiceProcess.start(name, jar, env, jvm, freePort(), this.workspace.file(name + ".log")));
	}

	JavaChild startBare() {
		Progress.log("starting the bare endpoint");
		return startChild("dev.surge.loadtest.bare.BareReserveApplication", "bare.log");
	}

	JavaChild startNaive() {
		Progress.log("starting the naive handler");
		return startChild("dev.surge.loadtest.naive.NaiveOrderApplication", "naive.log");
	}

	private ServiceProcess started(ServiceProcess service) {
		double seconds = service.startTime().toMillis() / 1000.0;
		Progress.log("   " + service.name() + " healthy " + seconds + " s after its launch");
		this.startSeconds.computeIfAbsent(service.name(), (name) -> new ArrayList<>()).add(seconds);
		return service;
	}

	/**
	 * Seconds from launch to healthy of every start so far.
	 * @return the start times by service name, in the order of the starts
	 */
	Map<String, List<Double>> startSeconds() {
		return this.startSeconds;
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
