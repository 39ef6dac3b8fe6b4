package dev.surge.systemtests;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.time.Duration;

import dev.surge.devstack.Launcher;
import dev.surge.devstack.Ports;
import dev.surge.devstack.ServiceProcess;

/**
 * More order-api processes beside the shared one, on the same servers and key, with
 * configuration changed by environment variables only; and any module's jar run to
 * completion with a given environment.
 */
final class ExtraApi {

	private ExtraApi() {
	}

	/** The environment the shared API runs with. */
	static Map<String, String> environment() {
		SurgeSystem.get();
		Map<String, String> env = new HashMap<>(SurgeSystem.get().infrastructure().springEnvironment());
		env.put("SURGE_SECURITY_JWT_SECRET", SurgeSystem.JWT_SECRET);
		env.putAll(SecurityTestEnvironment.VARIABLES);
		return env;
	}

	/** Starts an API with these changes to the shared API's environment. */
	static ServiceProcess start(String name, Map<String, String> changes) {
		Map<String, String> env = environment();
		env.putAll(changes);
		int port = Ports.free();
		env.put("SERVER_PORT", Integer.toString(port));
		return ServiceProcess.start(name, jar(), env, List.of("-Xmx256m"), port, log(name));
	}

	/**
	 * Runs the API jar with an environment to completion (it is expected not to start).
	 * @return exit code and output
	 */
	static SurgeSystem.CommandResult run(Map<String, String> env) throws IOException, InterruptedException {
		return run("order-api", env);
	}

	/**
	 * Runs a module's jar with exactly this environment to completion (a service that is
	 * expected not to start, or a stock-sync command).
	 * @return exit code and output
	 */
	static SurgeSystem.CommandResult run(String module, Map<String, String> env, String... args)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(Launcher.java(List.of("-Xmx256m"), "-jar", jar(module).toString()));
		command.addAll(List.of(args));
		Map<String, String> exactly = new HashMap<>(env);
		exactly.put("SERVER_PORT", Integer.toString(Ports.free()));
		Launcher.Finished run = Launcher.runIsolated(command, exactly, Duration.ofSeconds(120));
		if (run.exitCode() == Launcher.TIMED_OUT) {
			throw new IllegalStateException(module + " started, or hung, without its secrets");
		}
		return new SurgeSystem.CommandResult(run.exitCode(), run.output());
	}

	private static Path home() {
		return Paths.get(System.getProperty("surge.home", "..")).toAbsolutePath().normalize();
	}

	private static Path jar() {
		return jar("order-api");
	}

	static Path jar(String module) {
		String version = System.getProperty("surge.version", "0.1.0-SNAPSHOT");
		return home().resolve(module).resolve("target").resolve(module + "-" + version + "-exec.jar");
	}

	static Path log(String name) {
		return home().resolve("system-tests").resolve("target").resolve(name + ".log");
	}

}
