package dev.surge.contracts.structure;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The structure every service keeps, checked: each feature package is a Spring Modulith
 * module and the modules form no cycle; a class is public only when another package uses
 * it; every package is {@code @NullMarked}; order-contracts is all a service shares with
 * the others. The service's module diagram in {@code docs/architecture.md} is written
 * from the same model. A service's {@code ModularityTests} extends this class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ModularityChecks {

	private final String service;

	private final String basePackage;

	private final Set<String> publicForOthers;

	private final ApplicationModules modules;

	private final JavaClasses main;

	/**
	 * The checks of one service.
	 * @param service the Maven module, as the diagram names it
	 * @param application the Spring Boot application class, in the base package
	 * @param publicForOthers public classes that no package of ours uses but a library
	 * reads (a {@code ServiceLoader}) or that a public signature names
	 */
	protected ModularityChecks(String service, Class<?> application, Set<String> publicForOthers) {
		this.service = service;
		this.basePackage = application.getPackageName();
		this.publicForOthers = publicForOthers;
		this.modules = ApplicationModules.of(application);
		this.main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages(this.basePackage);
	}

	/**
	 * What Spring Modulith finds wrong; a service may leave out a violation it is known
	 * to have, naming it.
	 * @param violations every violation found
	 * @return those that fail the check
	 */
	protected Violations unexpected(Violations violations) {
		return violations;
	}

	@Test
	void featurePackagesAreModulesWithoutCycles() {
		unexpected(this.modules.detectViolations()).throwIfPresent();
	}

	@Test
	void classIsPublicOnlyWhenAnotherPackageUsesIt() {
		classes().that()
			.arePublic()
			.and()
			.areTopLevelClasses()
			.and()
			.resideInAPackage(this.basePackage + ".*")
			.should(usedFromAnotherPackage())
			.check(this.main);
	}

	@Test
	void sharesOnlyTheContractsWithOtherServices() {
		classes().should()
			.onlyDependOnClassesThat(resideInAnyPackage(this.basePackage + "..", "dev.surge.contracts..")
				.or(resideOutsideOfPackage("dev.surge..")))
			.check(this.main);
	}

	@Test
	void everyPackageIsNullMarked() {
		assertThat(this.main.stream().map(JavaClass::getPackage).distinct())
			.allSatisfy((javaPackage) -> assertThat(javaPackage.isAnnotatedWith(NullMarked.class))
				.as("@NullMarked on %s", javaPackage.getName())
				.isTrue());
	}

	@Test
	void moduleDiagramInTheDocsIsCurrent() throws IOException {
		ModuleDiagram diagram = ModuleDiagram.of(this.service, this.modules, this.main);
		assertThat(diagram.writeInto(Path.of("../docs/architecture.md")))
			.as("docs/architecture.md had an old diagram of %s and has been rewritten: commit it", this.service)
			.isFalse();
	}

	private ArchCondition<JavaClass> usedFromAnotherPackage() {
		return new ArchCondition<>("be used from another package") {
			@Override
			public void check(JavaClass type, ConditionEvents events) {
				boolean used = ModularityChecks.this.publicForOthers.contains(type.getName())
						|| type.getDirectDependenciesToSelf()
							.stream()
							.anyMatch((use) -> !use.getOriginClass().getPackageName().equals(type.getPackageName()));
				events.add(new SimpleConditionEvent(type, used,
						type.getName() + " is public but only its own package uses it"));
			}
		};
	}

}
