package dev.surge.consumer;

import java.util.Set;

import dev.surge.contracts.structure.ModularityChecks;

class ModularityTests extends ModularityChecks {

	ModularityTests() {
		super("order-consumer", OrderConsumerApplication.class, Set.of());
	}

}
