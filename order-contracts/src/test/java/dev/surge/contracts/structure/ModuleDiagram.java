package dev.surge.contracts.structure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * A service's modules and their dependencies as a Mermaid flowchart, kept in a Markdown
 * file between {@code <!-- modules of SERVICE -->} and {@code <!-- end of modules -->}.
 *
 * @param service the service the diagram shows
 * @param text the Mermaid block
 */
record ModuleDiagram(String service, String text) {

	private static final String END = "<!-- end of modules -->";

	static ModuleDiagram of(String service, ApplicationModules modules, JavaClasses main) {
		TreeSet<String> edges = new TreeSet<>();
		modules.stream().sorted(Comparator.comparing(ApplicationModule::getDisplayName)).forEach((module) -> {
			String from = name(module);
			module.getDirectDependencies(modules)
				.uniqueModules()
				.forEach((target) -> edges.add(from + " --> " + name(target)));
			String inModule = module.getBasePackage().getName() + ".";
			if (main.stream()
				.filter((type) -> type.getName().startsWith(inModule))
				.anyMatch(ModuleDiagram::usesContracts)) {
				edges.add(from + " -.-> contracts");
			}
		});
		StringBuilder text = new StringBuilder("```mermaid\nflowchart LR\n    contracts[(order-contracts)]\n");
		edges.forEach((edge) -> text.append("    ").append(edge).append('\n'));
		return new ModuleDiagram(service, text.append("```\n").toString());
	}

	/**
	 * Puts the diagram between its markers.
	 * @param markdown the file
	 * @return whether the file held another diagram and was rewritten
	 */
	boolean writeInto(Path markdown) throws IOException {
		String start = "<!-- modules of " + this.service + " -->\n";
		String content = Files.readString(markdown);
		int from = content.indexOf(start);
		int to = content.indexOf(END, from);
		if (from < 0 || to < 0) {
			throw new IllegalStateException(
					markdown + " has no place for the modules of " + this.service + ": " + start.strip() + " … " + END);
		}
		String updated = content.substring(0, from + start.length()) + this.text + content.substring(to);
		if (updated.equals(content)) {
			return false;
		}
		Files.writeString(markdown, updated);
		return true;
	}

	private static String name(ApplicationModule module) {
		return module.getIdentifier().toString();
	}

	private static boolean usesContracts(com.tngtech.archunit.core.domain.JavaClass type) {
		return type.getDirectDependenciesFromSelf()
			.stream()
			.anyMatch((use) -> use.getTargetClass().getPackageName().startsWith("dev.surge.contracts"));
	}

}
