package dev.surge.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The devstack command line: {@code servers} runs Redis, MariaDB and Kafka on the fixed
 * ports; {@code run} starts the whole system on them; {@code chaos} runs orders against a
 * fresh system while killing its parts.
 */
@Command(name = "devstack", mixinStandardHelpOptions = true,
		description = "Real Redis, MariaDB and Kafka on one machine without Docker, and the one-command run.",
		subcommands = { Devstack.Servers.class, Devstack.Run.class, Chaos.class, Cluster.class })
public final class Devstack implements Runnable {

	@Option(names = "--home", description = "Repository root (default: the working directory).", defaultValue = ".",
			scope = CommandLine.ScopeType.INHERIT)
	Path home = Path.of(".");

	@Override
	public void run() {
		CommandLine.usage(this, System.out);
	}

	public static void main(String[] args) {
		CommandLine commandLine = new CommandLine(new Devstack());
		commandLine.setExecutionExceptionHandler((ex, cmd, parsed) -> {
			cmd.getErr().println("devstack: " + ex.getMessage());
			return 1;
		});
		System.exit(commandLine.execute(args));
	}

	/** Blocks until the JVM exits (Ctrl-C runs the shutdown hook). */
	static void awaitShutdown(List<ServiceProcess> apps) {
		CompletableFuture<?>[] exits = apps.stream().map(ServiceProcess::onExit).toArray(CompletableFuture[]::new);
		if (exits.length == 0) {
			exits = new CompletableFuture<?>[] { new CompletableFuture<>() };
		}
		CompletableFuture.anyOf(exits).join();
		if (Processes.isShuttingDown()) {
			return;
		}
		for (ServiceProcess app : apps) {
			if (!app.isAlive()) {
				throw new IllegalStateException(
						app.name() + " stopped unexpectedly; see " + app.logFile() + ". Stopping everything.");
			}
		}
	}

	/**
	 * Loads Redis from MySQL with {@code stock-sync load}.
	 * @return {@code true}, once loaded
	 */
	static boolean stockSyncLoad(Path jar, Map<String, String> env, Path log) {
		Launcher.Finished load = Launcher.run(Launcher.java(List.of("-Xmx256m"), "-jar", jar.toString(), "load"), env,
				Duration.ofMinutes(5), log);
		if (!load.succeeded()) {
			throw new IllegalStateException("stock-sync load failed with exit code " + load.exitCode() + ":"
					+ System.lineSeparator() + Processes.tail(log, 20));
		}
		return true;
	}

	/**
	 * Random bytes made once and kept (mode 600) in the data dir, so that tokens and
	 * passwords survive a restart.
	 */
	static String secret(Path data, String name, int bytes) {
		Path file = data.resolve(name);
		try {
			if (Files.isRegularFile(file)) {
				return Files.readString(file).trim();
			}
			Files.createDirectories(data);
			byte[] secret = new byte[bytes];
			new SecureRandom().nextBytes(secret);
			String encoded = HexFormat.of().formatHex(secret);
			Files.writeString(file, encoded);
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system
			}
			return encoded;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void printEnvironment(Map<String, String> env) {
		env.forEach((key, value) -> System.out.println("export " + key + "='" + value + "'"));
	}

	/** A command on the single-node stack, with its data dir ({@code --data-dir}). */
	abstract static class OnDataDir {

		@CommandLine.ParentCommand
		Devstack parent;

		@Option(names = "--data-dir", defaultValue = ".data",
				description = "Data, logs and pid files, relative to --home (default: ${DEFAULT-VALUE}).")
		Path dataDir = Path.of(".data");

		Path home() {
			return this.parent.home.toAbsolutePath().normalize();
		}

		Path data() {
			return home().resolve(this.dataDir);
		}

	}

	@Command(name = "servers", mixinStandardHelpOptions = true,
			description = "Starts Redis (16379), MariaDB (13306) and Kafka (19092) and waits for Ctrl-C.")
	static final class Servers extends OnDataDir implements Callable<Integer> {

		@Override
		public Integer call() {
			Path data = data();
			long began = System.nanoTime();
			DevServers servers = DevServers.start(DevServers.Options.fixed(data));
			System.out.printf("devstack: servers ready in %.1f s (data in %s). Environment for the apps:%n",
					(System.nanoTime() - began) / 1e9, servers.options().dataDir());
			printEnvironment(servers.springEnvironment());
			System.out.println("devstack: press Ctrl-C to stop.");
			awaitShutdown(List.of());
			return 0;
		}

	}

	@Command(name = "run", mixinStandardHelpOptions = true,
			description = "Starts the servers, order-consumer (8081), stock-sync load and order-api (8080).")
	static final class Run extends OnDataDir implements Callable<Integer> {

		private static final List<String> APP_JVM = List.of("-Xmx512m", "-XX:+ExitOnOutOfMemoryError");

		@Override
		public Integer call() {
			Path home = home();
			Path consumerJar = jar(home, "order-consumer");
			Path stockSyncJar = jar(home, "stock-sync");
			Path apiJar = jar(home, "order-api");
			Path data = data();
			Path logs = data.resolve("logs");

			DevServers servers = DevServers.start(DevServers.Options.fixed(data));
			Map<String, String> env = new HashMap<>(servers.springEnvironment());
			env.put("SURGE_DEMO_ENABLED", "true");

			List<ServiceProcess> apps = new ArrayList<>();
			Map<String, String> consumerEnv = new HashMap<>(env);
			consumerEnv.put("SURGE_ORDERS_PAYMENT_TIMEOUT", "PT3M");
			apps.add(timed("order-consumer", () -> ServiceProcess.start("order-consumer", consumerJar, consumerEnv,
					APP_JVM, 8081, logs.resolve("order-consumer.log"))));

			timed("stock-sync load", () -> stockSyncLoad(stockSyncJar, env, logs.resolve("stock-sync.log")));

			Map<String, String> apiEnv = new HashMap<>(env);
			apiEnv.put("SURGE_SECURITY_JWT_SECRET", secret(data, "jwt-secret", 48));
			apps.add(timed("order-api", () -> ServiceProcess.start("order-api", apiJar, apiEnv, APP_JVM, 8080,
					logs.resolve("order-api.log"))));

			printWelcome(logs);
			awaitShutdown(apps);
			return 0;
		}

		static Path jar(Path home, String module) {
			Path target = home.resolve(module).resolve("target");
			if (Files.isDirectory(target)) {
				try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, module + "-*-exec.jar")) {
					for (Path jar : jars) {
						return jar;
					}
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
			throw new IllegalStateException(module + " jar not found: run ./mvnw package first");
		}

		private static <T> T timed(String what, java.util.function.Supplier<T> step) {
			long began = System.nanoTime();
			T result = step.get();
			System.out.printf("devstack: %s ready in %.1f s%n", what, (System.nanoTime() - began) / 1e9);
			return result;
		}

		private static void printWelcome(Path logs) {
			System.out.println(
					"""

							Surge is running.
							  Shop and dashboard, API:  http://localhost:8080
							  order-consumer:           http://localhost:8081/actuator/health
							  Demo users:               admin / surge-admin, alice / surge-alice, bob / surge-bob
							  Logs:                     %s

							Try it:
							  TOKEN=$(curl -s -H 'Content-Type: application/json' -d '{"username":"alice","password":"surge-alice"}' \\
							    http://localhost:8080/api/auth/token | sed -E 's/.*"accessToken":"([^"]+)".*/\\1/')
							  curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \\
							    -H "Idempotency-Key: $(date +%%s%%N)" -d '{"productId":1,"quantity":1}' http://localhost:8080/api/orders

							Press Ctrl-C to stop everything."""
						.formatted(logs));
		}

	}

}
