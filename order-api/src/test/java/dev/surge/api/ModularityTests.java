package dev.surge.api;

import java.util.Set;

import dev.surge.contracts.structure.ModularityChecks;

class ModularityTests extends ModularityChecks {

	ModularityTests() {
		super("order-api", OrderApiApplication.class, Set.of(
				// named in META-INF/services, loaded by commons-logging's ServiceLoader
				"dev.surge.api.system.GuardedLogFactory",
				// a component of CurrentUser, which every feature uses
				"dev.surge.api.auth.Role"));
	}

}
