package dev.surge.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks {@code docker-compose.yml} against the repository: our images are built from it,
 * and every environment key given to a container is one that container reads.
 */
class ComposeFileTests {

	private static final Path ROOT = repositoryRoot();

	private static final Set<String> SURGE_TARGETS = Set.of("order-api", "order-consumer", "stock-sync", "web");

	/** Third-party images, and the environment keys each of them documents. */
	private static final Map<String, Set<String>> THIRD_PARTY_KEYS = Map.of("mysql:",
			Set.of("MYSQL_DATABASE", "MYSQL_USER", "MYSQL_PASSWORD", "MYSQL_ROOT_PASSWORD"), "apache/kafka:",
			Set.of("CLUSTER_ID", "KAFKA_HEAP_OPTS", "KAFKA_NODE_ID", "KAFKA_PROCESS_ROLES",
					"KAFKA_CONTROLLER_QUORUM_VOTERS", "KAFKA_CONTROLLER_LISTENER_NAMES", "KAFKA_LISTENERS",
					"KAFKA_ADVERTISED_LISTENERS", "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP",
					"KAFKA_INTER_BROKER_LISTENER_NAME", "KAFKA_LOG_DIRS", "KAFKA_DEFAULT_REPLICATION_FACTOR",
					"KAFKA_MIN_INSYNC_REPLICAS", "KAFKA_NUM_PARTITIONS", "KAFKA_AUTO_CREATE_TOPICS_ENABLE",
					"KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE", "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR",
					"KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR",
					"KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR",
					"KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS"),
			"redis:", Set.of("REDISCLI_AUTH"), "nginx:", Set.of(), "prom/prometheus:", Set.of(), "grafana/tempo:",
			Set.of(), "grafana/grafana:", Set.of("GF_SECURITY_ADMIN_USER", "GF_SECURITY_ADMIN_PASSWORD",
					"GF_USERS_ALLOW_SIGN_UP", "GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH"));

	/**
	 * Read by every JVM and by Spring Boot itself, whatever the application configures.
	 */
	private static final Set<String> JVM_AND_BOOT_KEYS = Set.of("JAVA_TOOL_OPTIONS",
			"MANAGEMENT_METRICS_DISTRIBUTION_PERCENTILESHISTOGRAM_HTTP_SERVER_REQUESTS");

	/**
	 * Spring Boot's Redis Cluster key, which the services are being taught to honour.
	 * Remove it once docs/configuration.md lists it.
	 */
	private static final Set<String> PENDING_IN_SERVICES = Set.of("SPRING_DATA_REDIS_CLUSTER_NODES");

	private static final Pattern ENV_NAME = Pattern.compile("`([A-Z][A-Z0-9_]+)`");

	private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)([^}]*)}");

	@Test
	void buildsEverySurgeImageFromThisRepository() throws IOException {
		Map<String, Map<String, Object>> services = services();
		Set<String> targets = new LinkedHashSet<>();
		for (Map.Entry<String, Map<String, Object>> entry : services.entrySet()) {
			String name = entry.getKey();
			Map<String, Object> service = entry.getValue();
			Object build = service.get("build");
			String image = String.valueOf(service.get("image"));
			if (build == null) {
				assertThat(image).as("service %s: neither built here nor a known third-party image", name)
					.matches((candidate) -> THIRD_PARTY_KEYS.keySet().stream().anyMatch(candidate::startsWith));
				continue;
			}
			Map<String, Object> spec = map(build);
			Path context = ROOT.resolve(String.valueOf(spec.get("context"))).normalize();
			assertThat(context).as("service %s: build context", name).startsWith(ROOT).isDirectory();
			Path dockerfile = context.resolve(String.valueOf(spec.getOrDefault("dockerfile", "Dockerfile")));
			assertThat(dockerfile).as("service %s: Dockerfile", name).isRegularFile();
			String target = String.valueOf(spec.get("target"));
			assertThat(stages(dockerfile)).as("service %s: stage of %s", name, dockerfile).contains(target);
			assertThat(image).as("service %s: image name", name).startsWith("surge/" + target + ":");
			targets.add(target);
		}
		assertThat(targets).as("images built from this repository").containsExactlyInAnyOrderElementsOf(SURGE_TARGETS);
	}

	@Test
	void givesEachContainerOnlyKeysItReads() throws IOException {
		Map<String, Set<String>> documented = documentedKeys();
		List<String> unread = new ArrayList<>();
		for (Map.Entry<String, Map<String, Object>> entry : services().entrySet()) {
			Map<String, Object> service = entry.getValue();
			Set<String> readable = new LinkedHashSet<>(keysReadByMountedFiles(service));
			if (service.get("build") != null) {
				String target = String.valueOf(map(service.get("build")).get("target"));
				readable.addAll(documented.getOrDefault(target, Set.of()));
				readable.addAll(relaxedNames(target));
				if (!target.equals("web")) {
					readable.addAll(JVM_AND_BOOT_KEYS);
					readable.addAll(PENDING_IN_SERVICES);
				}
			}
			else {
				String image = String.valueOf(service.get("image"));
				THIRD_PARTY_KEYS.forEach((prefix, keys) -> {
					if (image.startsWith(prefix)) {
						readable.addAll(keys);
					}
				});
			}
			for (String key : environment(service).keySet()) {
				if (!readable.contains(key)) {
					unread.add(entry.getKey() + ": " + key);
				}
			}
		}
		assertThat(unread).as("environment keys no process in the container reads").isEmpty();
	}

	/**
	 * Only nginx faces the network: the services' ports (and so their actuator endpoints)
	 * stay inside the compose network, operator tools listen on the host's loopback, and
	 * nginx passes nothing but the API and the UI on.
	 */
	@Test
	void publishesNoManagementPort() throws IOException {
		Map<String, List<String>> published = new LinkedHashMap<>();
		services().forEach((name, service) -> {
			if (service.get("ports") instanceof List<?> ports) {
				published.put(name, ports.stream().map(String::valueOf).toList());
			}
		});
		assertThat(published.keySet()).as("services with published ports")
			.containsExactlyInAnyOrder("web", "prometheus", "grafana");
		published.forEach((name, ports) -> {
			if (!name.equals("web")) {
				assertThat(ports).as("%s: on the host's loopback only", name)
					.allMatch((port) -> port.startsWith("127.0.0.1:"));
			}
		});
		String nginx = Files.readString(ROOT.resolve("deploy/nginx/surge.conf"));
		Matcher proxied = Pattern.compile("location\\s+(?:=\\s+)?(\\S+)\\s*\\{[^}]*proxy_pass").matcher(nginx);
		List<String> locations = new ArrayList<>();
		while (proxied.find()) {
			locations.add(proxied.group(1));
		}
		assertThat(locations).as("locations nginx proxies to the API")
			.isNotEmpty()
			.allMatch((path) -> path.startsWith("/api/"));
	}

	@Test
	void takesSecretsOnlyFromTheEnvironmentFile() throws IOException {
		for (Map.Entry<String, Map<String, Object>> entry : services().entrySet()) {
			environment(entry.getValue()).forEach((key, value) -> {
				if (key.contains("PASSWORD") || key.contains("SECRET")) {
					assertThat(value).as("%s: %s must be required from .env, with no default", entry.getKey(), key)
						.matches("\\$\\{[A-Z0-9_]+:\\?[^}]*}");
				}
			});
		}
	}

	@Test
	void documentsEverySettingInTheEnvironmentExample() throws IOException {
		Set<String> example = new LinkedHashSet<>();
		for (String line : Files.readAllLines(ROOT.resolve(".env.example"))) {
			if (line.matches("[A-Z][A-Z0-9_]*=.*")) {
				String key = line.substring(0, line.indexOf('='));
				if (key.contains("PASSWORD") || key.contains("SECRET")) {
					assertThat(line).as("no real secret in .env.example").startsWith(key + "=change-me");
				}
				example.add(key);
			}
		}
		Set<String> used = new LinkedHashSet<>();
		Matcher matcher = INTERPOLATION.matcher(Files.readString(ROOT.resolve("docker-compose.yml")));
		while (matcher.find()) {
			used.add(matcher.group(1));
		}
		assertThat(example).as(".env.example").containsAll(used);
	}

	@Test
	void validatesWithDockerCompose() throws Exception {
		Assumptions.assumeTrue(onPath("docker-compose"),
				"docker-compose is not installed (apt-get install docker-compose); ./test.sh installs it");
		Process process = new ProcessBuilder("docker-compose", "--env-file", ".env.example", "config", "-q")
			.directory(ROOT.toFile())
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as("docker-compose config -q: %s", output).isZero();
	}

	/** Env names documented per service in docs/configuration.md. */
	private static Map<String, Set<String>> documentedKeys() throws IOException {
		String text = Files.readString(ROOT.resolve("docs/configuration.md"));
		Map<String, Set<String>> sections = new LinkedHashMap<>();
		for (String section : text.split("\n## ")) {
			String heading = section.lines().findFirst().orElse("").trim();
			Set<String> names = new LinkedHashSet<>();
			Matcher matcher = ENV_NAME.matcher(section);
			while (matcher.find()) {
				names.add(matcher.group(1));
			}
			sections.put(heading, names);
		}
		Set<String> shared = sections.getOrDefault("Shared connection settings", Set.of());
		Map<String, Set<String>> keys = new LinkedHashMap<>();
		for (String service : List.of("order-api", "order-consumer")) {
			Set<String> names = new LinkedHashSet<>(shared);
			names.addAll(sections.getOrDefault(service, Set.of()));
			keys.put(service, names);
		}
		keys.put("stock-sync", sections.getOrDefault("stock-sync", Set.of()));
		return keys;
	}

	/**
	 * Environment names Spring Boot binds to the keys of the module's application.yaml.
	 */
	private static Set<String> relaxedNames(String module) throws IOException {
		Path yaml = ROOT.resolve(module).resolve("src/main/resources/application.yaml");
		Set<String> names = new LinkedHashSet<>();
		if (Files.isRegularFile(yaml)) {
			for (Object document : new Yaml().loadAll(Files.readString(yaml))) {
				if (document instanceof Map<?, ?> tree) {
					collectKeys("", tree, names);
				}
			}
		}
		return names;
	}

	private static void collectKeys(String prefix, Map<?, ?> tree, Set<String> names) {
		tree.forEach((key, value) -> {
			String name = prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key;
			if (value instanceof Map<?, ?> child) {
				collectKeys(name, child, names);
			}
			else {
				String upper = name.replace('.', '_').toUpperCase();
				names.add(upper.replace("-", ""));
				names.add(upper.replace('-', '_'));
			}
		});
	}

	/**
	 * Keys referenced as $KEY or ${KEY} by files of this repository mounted into the
	 * container.
	 */
	private static Set<String> keysReadByMountedFiles(Map<String, Object> service) throws IOException {
		Set<String> keys = new LinkedHashSet<>();
		Object volumes = service.get("volumes");
		if (!(volumes instanceof List<?> list)) {
			return keys;
		}
		for (Object volume : list) {
			String source = String.valueOf(volume).split(":")[0];
			if (!source.startsWith("./")) {
				continue;
			}
			Path path = ROOT.resolve(source).normalize();
			try (Stream<Path> files = Files.isDirectory(path) ? Files.walk(path) : Stream.of(path)) {
				for (Path file : files.filter(Files::isRegularFile).toList()) {
					Matcher matcher = Pattern.compile("\\$\\{?([A-Z][A-Z0-9_]+)").matcher(Files.readString(file));
					while (matcher.find()) {
						keys.add(matcher.group(1));
					}
				}
			}
		}
		return keys;
	}

	private static Set<String> stages(Path dockerfile) throws IOException {
		Set<String> stages = new LinkedHashSet<>();
		Matcher matcher = Pattern.compile("(?im)^FROM\\s+\\S+\\s+AS\\s+(\\S+)").matcher(Files.readString(dockerfile));
		while (matcher.find()) {
			stages.add(matcher.group(1));
		}
		return stages;
	}

	private static Map<String, Map<String, Object>> services() throws IOException {
		Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
		Map<String, Map<String, Object>> services = new LinkedHashMap<>();
		map(compose.get("services")).forEach((name, service) -> services.put(name, map(service)));
		assertThat(services).as("services of docker-compose.yml").isNotEmpty();
		return services;
	}

	private static Map<String, String> environment(Map<String, Object> service) {
		Map<String, String> environment = new LinkedHashMap<>();
		Object value = service.get("environment");
		if (value instanceof Map<?, ?> entries) {
			entries.forEach((key, entry) -> environment.put(String.valueOf(key), String.valueOf(entry)));
		}
		else if (value instanceof List<?> entries) {
			for (Object entry : entries) {
				String[] pair = String.valueOf(entry).split("=", 2);
				environment.put(pair[0], (pair.length > 1) ? pair[1] : "");
			}
		}
		return environment;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		assertThat(value).isInstanceOf(Map.class);
		return (Map<String, Object>) value;
	}

	private static boolean onPath(String command) {
		String path = System.getenv("PATH");
		return path != null && Stream.of(path.split(java.io.File.pathSeparator))
			.anyMatch((dir) -> Files.isExecutable(Path.of(dir, command)));
	}

	private static Path repositoryRoot() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.isRegularFile(dir.resolve("docker-compose.yml"))) {
			dir = dir.getParent();
		}
		assertThat(dir).as("repository root (with docker-compose.yml) above the working directory").isNotNull();
		return dir;
	}

}
