package dev.surge.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The files around the code: one Node.js line everywhere, the CI workflow a fork runs,
 * the licence and the dependency update configuration.
 */
class RepositoryFilesTests {

	private static final Path ROOT = Path.of(System.getProperty("surge.home", "..")).toAbsolutePath().normalize();

	/** The oldest Node.js line still maintained that the UI supports. */
	private static final int NODE_MIN = 22;

	@Test
	void usesAMaintainedNodeLtsEverywhere() throws IOException {
		String engines = Api.JSON.readTree(ROOT.resolve("frontend/package.json").toFile())
			.path("engines")
			.path("node")
			.asString();
		assertThat(majors(engines)).as("frontend/package.json engines.node: %s", engines)
			.isNotEmpty()
			.allMatch((major) -> major >= NODE_MIN);
		assertThat(group(read("Dockerfile"), "ARG NODE_IMAGE=node:(\\d+)-")).as("Dockerfile NODE_IMAGE")
			.isGreaterThanOrEqualTo(NODE_MIN)
			.isEven();
		assertThat(group(read(".github/workflows/ci.yml"), "node-version: '(\\d+)'")).as("ci.yml node-version")
			.isGreaterThanOrEqualTo(NODE_MIN);
		assertThat(group(read("scripts/node-env.sh"), "-ge (\\d+)")).as("scripts/node-env.sh").isEqualTo(NODE_MIN);
		assertThat(read("README.md")).contains("Node.js ≥ " + NODE_MIN);
		for (String script : List.of("test.sh", "run.sh")) {
			assertThat(read(script)).as(script).contains("source scripts/node-env.sh");
		}
	}

	@Test
	void runsTheTestCommandAndTheMysqlJobInTheWorkflow() throws IOException {
		Map<String, Object> workflow = new Yaml().load(read(".github/workflows/ci.yml"));
		Map<?, ?> jobs = (Map<?, ?>) workflow.get("jobs");
		assertThat(String.valueOf(jobs.get("test"))).contains("bash .ci/run").contains("java-version=21");
		String mysql = String.valueOf(jobs.get("mysql-8.4"));
		assertThat(mysql).contains("SURGE_INFRASTRUCTURE=testcontainers");
		Matcher list = Pattern.compile("-Dit\\.test='([^']+)'").matcher(mysql);
		assertThat(list.find()).as("the mysql-8.4 job names its tests").isTrue();
		List<String> problems = new ArrayList<>();
		for (String test : list.group(1).split(",")) {
			Path source = ROOT.resolve("system-tests/src/test/java/dev/surge/systemtests/" + test + ".java");
			if (!Files.isRegularFile(source)) {
				problems.add(test + ": no such test");
			}
			else if (Files.readString(source).contains("localServers()")) {
				problems.add(test + ": stops local servers, which containers do not offer");
			}
		}
		assertThat(problems).isEmpty();
		assertThat(read("system-tests/src/test/java/dev/surge/systemtests/Infrastructure.java"))
			.as("the MySQL the containers run")
			.contains("\"mysql:8.4\"");
	}

	@Test
	void isApacheLicensedWithDependencyUpdatesForMavenAndNpm() throws IOException {
		String license = read("LICENSE");
		assertThat(license).contains("Apache License")
			.contains("Version 2.0, January 2004")
			.contains("END OF TERMS AND CONDITIONS");
		assertThat(read("pom.xml")).contains("<name>Apache-2.0</name>");
		Map<String, Object> dependabot = new Yaml().load(read(".github/dependabot.yml"));
		assertThat((List<?>) dependabot.get("updates"))
			.extracting((update) -> String.valueOf(((Map<?, ?>) update).get("package-ecosystem")))
			.contains("maven", "npm");
	}

	private static List<Integer> majors(String range) {
		List<Integer> majors = new ArrayList<>();
		Matcher matcher = Pattern.compile("(?:^|[|\\s^>=~])(\\d+)\\.").matcher(range);
		while (matcher.find()) {
			majors.add(Integer.parseInt(matcher.group(1)));
		}
		return majors;
	}

	private static int group(String text, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(text);
		assertThat(matcher.find()).as("/%s/", regex).isTrue();
		return Integer.parseInt(matcher.group(1));
	}

	private static String read(String file) throws IOException {
		return Files.readString(ROOT.resolve(file));
	}

}
