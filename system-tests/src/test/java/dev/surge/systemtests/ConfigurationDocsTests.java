package dev.surge.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/configuration.md against the configuration metadata the build generates
 * ({@code spring-boot-configuration-processor}, plus each module's
 * {@code additional-spring-configuration-metadata.json}): every {@code surge.*} key a
 * service reads is documented in its section, and every {@code surge.*} key documented
 * there is one the service reads.
 */
class ConfigurationDocsTests {

	private static final Path ROOT = Path.of(System.getProperty("surge.home", "..")).toAbsolutePath().normalize();

	private static final Pattern CODE = Pattern.compile("`([^`]+)`");

	@ParameterizedTest
	@ValueSource(strings = { "order-api", "order-consumer" })
	void documentsExactlyTheKeysTheServiceReads(String module) throws IOException {
		Map<String, Boolean> read = metadata(module);
		Set<String> documented = documented(module);

		assertThat(read).as("%s: generated metadata", module).isNotEmpty();
		List<String> undocumented = read.keySet()
			.stream()
			.filter((key) -> !documented.contains(key) && documented.stream().noneMatch(under(key, read)))
			.toList();
		List<String> unknown = documented.stream()
			.filter((key) -> !read.containsKey(key) && read.entrySet()
				.stream()
				.noneMatch((entry) -> entry.getValue() && key.startsWith(entry.getKey() + ".")))
			.toList();
		assertThat(undocumented).as("%s: keys missing from docs/configuration.md", module).isEmpty();
		assertThat(unknown).as("%s: documented keys the service does not read", module).isEmpty();
	}

	/**
	 * Keys below a map-valued key, such as {@code surge.ratelimit.routes.<name>.paths}.
	 */
	private static java.util.function.Predicate<String> under(String key, Map<String, Boolean> read) {
		return (documentedKey) -> read.get(key) && documentedKey.startsWith(key + ".");
	}

	/** Every {@code surge.*} key, and whether it holds a map. */
	private static Map<String, Boolean> metadata(String module) throws IOException {
		Map<String, Boolean> keys = new LinkedHashMap<>();
		Path meta = ROOT.resolve(module).resolve("target/classes/META-INF/spring-configuration-metadata.json");
		assertThat(meta).as("built by the configuration processor (package %s first)", module).isRegularFile();
		for (JsonNode property : Api.JSON.readTree(meta.toFile()).path("properties")) {
			String name = property.path("name").asString();
			if (name.startsWith("surge.")) {
				keys.put(name, property.path("type").asString().startsWith("java.util.Map<"));
			}
		}
		return keys;
	}

	/**
	 * The {@code surge.*} keys of the first column of the module's section;
	 * {@code `a.b.c` /
	 * `.d`} (or {@code / `d`}) names {@code a.b.d} too.
	 */
	static Set<String> documented(String module) throws IOException {
		String text = Files.readString(ROOT.resolve("docs/configuration.md"));
		String section = List.of(text.split("\n## "))
			.stream()
			.filter((candidate) -> candidate.lines().findFirst().orElse("").trim().equals(module))
			.findFirst()
			.orElseThrow(() -> new AssertionError("docs/configuration.md has no section ## " + module));
		Set<String> keys = new LinkedHashSet<>();
		for (String line : section.lines().filter((row) -> row.startsWith("| `")).toList()) {
			String firstCell = line.substring(1, line.indexOf('|', 1));
			String base = null;
			for (String part : firstCell.split(" / ")) {
				Matcher code = CODE.matcher(part);
				if (!code.find()) {
					continue;
				}
				String name = code.group(1);
				if (base == null) {
					if (!name.startsWith("surge.")) {
						break;
					}
					base = name;
				}
				else {
					String stem = name.startsWith(".") ? name.substring(1) : name;
					name = base.substring(0, base.lastIndexOf('.') + 1) + stem;
				}
				keys.add(name);
			}
		}
		return keys;
	}

}
