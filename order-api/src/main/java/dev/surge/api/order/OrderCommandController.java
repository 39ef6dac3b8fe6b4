package dev.surge.api.order;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import dev.surge.api.auth.CurrentUser;
import dev.surge.api.order.OrderCommandRequests.Requested;
import dev.surge.api.system.Answers;
import dev.surge.api.system.ProblemType;
import dev.surge.contracts.CancellationRequested;
import dev.surge.contracts.FulfilmentUpdated;
import dev.surge.contracts.OrderEvent;
import dev.surge.contracts.PaymentReported;
import dev.surge.contracts.RefundDecided;
import dev.surge.contracts.RefundRequested;

import org.springframework.core.annotation.AliasFor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Payment simulation, cancellation, after-sale and fulfilment: each answers 202 once the
 * command is on the order's Kafka key; the consumer applies it through the order state
 * machine.
 */
@RestController
class OrderCommandController {

	private final OrderCommands commands;

	OrderCommandController(OrderCommands commands) {
		this.commands = commands;
	}

	@CommandRoute("/api/orders/{id}/payment")
	Mono<ResponseEntity<Requested>> pay(@PathVariable long id, @Valid @RequestBody OrderCommandRequests.Payment payment,
			@AuthenticationPrincipal Jwt token, ServerHttpRequest http) {
		return request(token, http, (user, now) -> new PaymentReported(id, user.username(), payment.outcome(), now));
	}

	@CommandRoute("/api/orders/{id}/cancel")
	Mono<ResponseEntity<Requested>> cancel(@PathVariable long id,
			@Valid @RequestBody OrderCommandRequests.Reason reason, @AuthenticationPrincipal Jwt token,
			ServerHttpRequest http) {
		return request(token, http, (user, now) -> new CancellationRequested(id, user.username(), user.isAdmin(),
				reason.orDefault("cancelled by " + (user.isAdmin() ? "admin" : "customer")), now));
	}

	@CommandRoute("/api/orders/{id}/refund")
	Mono<ResponseEntity<Requested>> refund(@PathVariable long id,
			@Valid @RequestBody OrderCommandRequests.Reason reason, @AuthenticationPrincipal Jwt token,
			ServerHttpRequest http) {
		return request(token, http,
				(user, now) -> new RefundRequested(id, user.username(), reason.orDefault("refund requested"), now));
	}

	@CommandRoute("/api/admin/orders/{id}/fulfilment")
	Mono<ResponseEntity<Requested>> fulfil(@PathVariable long id,
			@Valid @RequestBody OrderCommandRequests.Fulfilment fulfilment, @AuthenticationPrincipal Jwt token,
			ServerHttpRequest http) {
		return request(token, http, (user, now) -> new FulfilmentUpdated(id, fulfilment.action(), user.username(),
				fulfilment.reason().strip(), now));
	}

	@CommandRoute("/api/admin/orders/{id}/refund-decision")
	Mono<ResponseEntity<Requested>> decideRefund(@PathVariable long id,
			@Valid @RequestBody OrderCommandRequests.RefundDecision decision, @AuthenticationPrincipal Jwt token,
			ServerHttpRequest http) {
		return request(token, http,
				(user, now) -> new RefundDecided(id, decision.approve(), user.username(),
						new OrderCommandRequests.Reason(decision.reason())
							.orDefault(decision.approve() ? "refund approved" : "refund rejected"),
						now));
	}

	private Mono<ResponseEntity<Requested>> request(Jwt token, ServerHttpRequest http, Command command) {
		CurrentUser user = CurrentUser.of(token);
		return this.commands.request(user, command.by(user, System.currentTimeMillis()), http)
			.map((requested) -> ResponseEntity.accepted().body(requested));
	}

	/** The event a command of {@code user} becomes, stamped {@code now}. */
	@FunctionalInterface
	private interface Command {

		OrderEvent by(CurrentUser user, long now);

	}

	/**
	 * A command route: a JSON body, 202 once the command is on Kafka, 404 for an order
	 * the caller may not see and 409 when the order's state does not allow it.
	 */
	@Target(ElementType.METHOD)
	@Retention(RetentionPolicy.RUNTIME)
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Answers({ ProblemType.NOT_FOUND, ProblemType.ILLEGAL_TRANSITION })
	@RequestMapping(method = RequestMethod.POST, consumes = MediaType.APPLICATION_JSON_VALUE)
	@interface CommandRoute {

		@AliasFor(annotation = RequestMapping.class, attribute = "path")
		String value();

	}

}
