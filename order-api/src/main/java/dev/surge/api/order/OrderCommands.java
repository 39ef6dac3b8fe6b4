package dev.surge.api.order;

import java.util.function.Supplier;

import reactor.core.publisher.Mono;

import dev.surge.api.auth.CurrentUser;
import dev.surge.api.system.Blocking;
import dev.surge.api.system.Problem;
import dev.surge.api.system.ProblemType;
import dev.surge.api.system.Problems;
import dev.surge.contracts.OrderEvent;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Service;

/**
 * Turns a request about an existing order into an event on the order's Kafka key, after
 * checking who asks and that the order's current state allows it.
 */
@Service
class OrderCommands {

	private final OrderQueries queries;

	private final InFlightOrders inFlight;

	private final OrderPublisher publisher;

	private final Blocking blocking;

	private final OrderAccess access;

	OrderCommands(OrderQueries queries, InFlightOrders inFlight, OrderPublisher publisher, Blocking blocking,
			OrderAccess access) {
		this.queries = queries;
		this.inFlight = inFlight;
		this.publisher = publisher;
		this.blocking = blocking;
		this.access = access;
	}

	/**
	 * Publishes the event when {@code user} may perform {@code action} on the order now.
	 * Another customer's order answers 404 like a missing one (see {@link OrderAccess}).
	 * @return the order's state when the request was accepted
	 */
	Mono<String> request(CurrentUser user, long orderId, OrderAction action, Supplier<OrderEvent> event,
			ServerHttpRequest request) {
		return currentState(orderId).filter((order) -> this.access.permits(user, order.userId(), orderId, request))
			.switchIfEmpty(Mono.error(Problems.notFound("Order " + orderId).toException()))
			.flatMap((order) -> {
				if (action.adminOnly() && !user.isAdmin()) {
					return Mono.error(ProblemType.FORBIDDEN.problem("Your role may not do this").toException());
				}
				if (!action.allowedFrom(order.status())) {
					return Mono.error(illegal(order.status(), action).toException());
				}
				return this.publisher.publish(event.get())
					.onErrorMap((ex) -> Problems.unavailable("Kafka is unavailable").toException())
					.thenReturn(order.status());
			});
	}

	/**
	 * MySQL, else the in-flight copy, else MySQL again: the consumer deletes the copy
	 * right after it committed the order, which may fall between the first two reads.
	 */
	private Mono<OrderQueries.State> currentState(long orderId) {
		return this.blocking.call(() -> this.queries.state(orderId))
			.flatMap((stored) -> stored.map(Mono::just)
				.orElseGet(() -> this.inFlight.find(orderId)
					.flatMap((order) -> Mono
						.justOrEmpty(order.map((placed) -> new OrderQueries.State(placed.userId(), "ACCEPTED"))))))
			.switchIfEmpty(
					Mono.defer(() -> this.blocking.call(() -> this.queries.state(orderId))).flatMap(Mono::justOrEmpty));
	}

	static Problem illegal(String status, OrderAction action) {
		return ProblemType.ILLEGAL_TRANSITION.problem("An order in state " + status + " does not allow " + action)
			.with("currentStatus", status)
			.with("action", action.name());
	}

}
