package dev.surge.consumer.order;

import java.util.List;

import dev.surge.contracts.OrderAction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import dev.surge.contracts.OrdersChanged.OrderChange;

import org.springframework.stereotype.Component;

/**
 * The consumer's business meters: where new orders went in MySQL
 * ({@code surge.orders.intake}, by status: locked for payment, or rejected) and every
 * command applied to an order ({@code surge.orders.commands}, by action and outcome), the
 * payment outcomes ({@code PAYMENT_SUCCESS}, {@code PAYMENT_FAILURE}) and the payment
 * timeouts ({@code EXPIRE}) among them.
 */
@Component
class OrderMetrics {

	private final MeterRegistry registry;

	OrderMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void intake(List<OrderChange> changes) {
		for (OrderChange change : changes) {
			Counter.builder("surge.orders.intake")
				.description("Orders written to MySQL, by the status they got")
				.tag("status", change.status())
				.register(this.registry)
				.increment();
		}
	}

	void command(OrderAction action, OrderLifecycle.Outcome outcome) {
		String result = switch (outcome) {
			case OrderLifecycle.Applied applied -> "applied";
			case OrderLifecycle.Ignored ignored -> "ignored";
			case OrderLifecycle.Replayed replayed -> "replayed";
		};
		Counter.builder("surge.orders.commands")
			.description("Commands applied to orders (payments, expiries, fulfilment, refunds) by outcome")
			.tag("action", action.name())
			.tag("outcome", result)
			.register(this.registry)
			.increment();
	}

}
