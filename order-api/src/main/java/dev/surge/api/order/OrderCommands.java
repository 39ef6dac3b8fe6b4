package dev.surge.api.order;

import java.util.List;
import java.util.Objects;

import reactor.core.publisher.Mono;

import dev.surge.api.auth.CurrentUser;
import dev.surge.api.system.Blocking;
import dev.surge.api.system.Problem;
import dev.surge.api.system.ProblemType;
import dev.surge.api.system.Problems;
import dev.surge.contracts.OrderAction;
import dev.surge.contracts.OrderEvent;
import dev.surge.contracts.OrderRules;
import dev.surge.contracts.OrderStatus;
import dev.surge.contracts.UserAction;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Service;

/**
 * Turns a request about an existing order into an event on the order's Kafka key, after
 * asking the order's rules ({@link OrderRules}) whether its caller may take that action
 * in the order's current state: exactly what the order's {@code actions} list.
 */
@Service
record OrderCommands(OrderQueries queries, InFlightOrders inFlight, OrderPublisher publisher, Blocking blocking,
		OrderAccess access) {

	/**
	 * Publishes the command when {@code user} may take its action on the order now.
	 * Another customer's order answers 404 like a missing one (see {@link OrderAccess}).
	 * @return the 202 answer: what was requested, and the order's state then
	 */
	Mono<OrderCommandRequests.Requested> request(CurrentUser user, OrderEvent command, ServerHttpRequest request) {
		long orderId = command.orderId();
		OrderAction action = OrderRules.actionOf(command)
			.filter((taken) -> taken.request() != null)
			.orElseThrow(() -> new IllegalArgumentException("Not a request: " + command));
		UserAction requested = Objects.requireNonNull(action.request());
		return currentState(orderId).filter((order) -> this.access.permits(user, order.userId(), orderId, request))
			.switchIfEmpty(Mono.error(Problems.notFound("Order " + orderId).toException()))
			.flatMap((order) -> {
				if (action.actor() != user.actor()) {
					return Mono.error(ProblemType.FORBIDDEN.problem("Your role may not do this").toException());
				}
				if (!OrderRules.allows(order.status(), action)) {
					return Mono.error(illegal(order.status(), action, user).toException());
				}
				return this.publisher.publish(command)
					.onErrorMap((ex) -> Problems.unavailable("Kafka is unavailable").toException())
					.thenReturn(new OrderCommandRequests.Requested(Long.toString(orderId), requested, order.status()));
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
					.flatMap((order) -> Mono.justOrEmpty(
							order.map((placed) -> new OrderQueries.State(placed.userId(), OrderStatus.ACCEPTED))))))
			.switchIfEmpty(
					Mono.defer(() -> this.blocking.call(() -> this.queries.state(orderId))).flatMap(Mono::justOrEmpty));
	}

	/** Says what was asked, the order's state, and what the caller may do instead. */
	static Problem illegal(OrderStatus status, OrderAction action, CurrentUser user) {
		List<UserAction> allowed = OrderRules.requests(status, user.actor());
		return ProblemType.ILLEGAL_TRANSITION
			.problem("An order in state " + status + " does not allow " + action.request() + "; it allows "
					+ (allowed.isEmpty() ? "nothing more" : allowed))
			.with("currentStatus", status.name())
			.with("action", String.valueOf(action.request()))
			.with("actions", allowed.stream().map(Enum::name).toList());
	}

}
