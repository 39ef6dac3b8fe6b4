package dev.surge.loadtest.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time of every process of a run, by role: the services under test (named by the
 * caller), MySQL, Redis and Kafka (the benchmark's own servers, found among its
 * descendants by their command line), and the load generator (wrk, whose time the
 * benchmark collects when each run ends).
 */
final class ProcessCpu {

	/** Roles in the order a table shows them. */
	static final List<String> SERVERS = List.of("mysql", "redis", "kafka", "wrk");

	private ProcessCpu() {
	}

	/**
	 * CPU ms so far of each role.
	 * @param services role → pid of the services under test
	 */
	static Map<String, Long> snapshot(Map<String, Long> services) {
		Map<String, Long> millis = new LinkedHashMap<>();
		services.forEach((role, pid) -> millis.put(role, Memory.cpuMillis(pid)));
		ProcessHandle.current().descendants().forEach((process) -> {
			String role = role(process.pid());
			if (role != null && !services.containsValue(process.pid())) {
				millis.merge(role, Memory.cpuMillis(process.pid()), Long::sum);
			}
		});
		millis.put("wrk", Memory.endedChildrenCpuMillis(ProcessHandle.current().pid()));
		return millis;
	}

	/** CPU ms per request of each role between two snapshots. */
	static Map<String, Double> perRequest(Map<String, Long> before, Map<String, Long> after, long requests) {
		Map<String, Double> cost = new LinkedHashMap<>();
		after.forEach((role, millis) -> cost.put(role,
				(millis - before.getOrDefault(role, 0L)) / (double) Math.max(1, requests)));
		return cost;
	}

	private static String role(long pid) {
		try {
			String command = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ');
			if (command.contains("redis-server")) {
				return "redis";
			}
			if (command.contains("mysqld") || command.contains("mariadbd")) {
				return "mysql";
			}
			return command.contains("kafka.Kafka") || command.contains("KafkaRaftServer")
					|| command.contains("kafka-server") ? "kafka" : null;
		}
		catch (IOException ex) {
			return null;
		}
	}

}
