package dev.surge.consumer;

import java.util.Set;

import org.springframework.modulith.core.Violations;

import dev.surge.contracts.structure.ModularityChecks;

class ModularityTests extends ModularityChecks {

	ModularityTests() {
		super("order-consumer", OrderConsumerApplication.class, Set.of());
	}

	/**
	 * The order ↔ product cycle is known (issue 17, item 4 removes it); any other
	 * violation fails.
	 */
	@Override
	protected Violations unexpected(Violations violations) {
		return violations.filter((violation) -> !violation.getMessage()
			.matches("(?s)Cycle detected: Slice order ->\\s+Slice product ->\\s+Slice order\\b.*"));
	}

}
