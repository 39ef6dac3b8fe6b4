package dev.surge.api.order;

import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import dev.surge.api.auth.CurrentUser;
import dev.surge.api.system.Answers;
import dev.surge.api.system.ProblemType;
import dev.surge.contracts.CancellationRequested;
import dev.surge.contracts.FulfilmentUpdated;
import dev.surge.contracts.OrderEvent;
import dev.surge.contracts.PaymentReported;
import dev.surge.contracts.RefundDecided;
import dev.surge.contracts.RefundRequested;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
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

	@ResponseStatus(HttpStatus.ACCEPTED)
	@Answers({ ProblemType.NOT_FOUND, ProblemType.ILLEGAL_TRANSITION })
	@PostMapping(path = "/api/orders/{id}/payment", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<OrderCommandRequests.Requested>> pay(@PathVariable long id,
			@Valid @RequestBody OrderCommandRequests.Payment payment, @AuthenticationPrincipal Jwt token,
			ServerHttpRequest http) {
		CurrentUser user = CurrentUser.of(token);
		return request(http, user,
				new PaymentReported(id, user.username(), payment.outcome(), System.currentTimeMillis()));
	}

	@ResponseStatus(HttpStatus.ACCEPTED)
	@Answers({ ProblemType.NOT_FOUND, ProblemType.ILLEGAL_TRANSITION })
	@PostMapping(path = "/api/orders/{id}/cancel", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<OrderCommandRequests.Requested>> cancel(@PathVariable long id,
			@Valid @RequestBody OrderCommandRequests.Reason reason, @AuthenticationPrincipal Jwt token,
			ServerHttpRequest http) {
		CurrentUser user = CurrentUser.of(token);
		return request(http, user,
				new CancellationRequested(id, user.username(), user.isAdmin(),
						reason.orDefault("cancelled by " + (user.isAdmin() ? "admin" : "customer")),
						System.currentTimeMillis()));
	}

	@ResponseStatus(HttpStatus.ACCEPTED)
	@Answers({ ProblemType.NOT_FOUND, ProblemType.ILLEGAL_TRANSITION })
	@PostMapping(path = "/api/orders/{id}/refund", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<OrderCommandRequests.Requested>> refund(@PathVariable long id,
			@Valid @RequestBody OrderCommandRequests.Reason reason, @AuthenticationPrincipal Jwt token,
			ServerHttpRequest http) {
		CurrentUser user = CurrentUser.of(token);
		return request(http, user, new RefundRequested(id, user.username(), reason.orDefault("refund requested"),
				System.currentTimeMillis()));
	}

	@ResponseStatus(HttpStatus.ACCEPTED)
	@Answers({ ProblemType.NOT_FOUND, ProblemType.ILLEGAL_TRANSITION })
	@PostMapping(path = "/api/admin/orders/{id}/fulfilment", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<OrderCommandRequests.Requested>> fulfil(@PathVariable long id,
			@Valid @RequestBody OrderCommandRequests.Fulfilment fulfilment, @AuthenticationPrincipal Jwt token,
			ServerHttpRequest http) {
		CurrentUser user = CurrentUser.of(token);
		return request(http, user, new FulfilmentUpdated(id, fulfilment.action(), user.username(),
				fulfilment.reason().strip(), System.currentTimeMillis()));
	}

	@ResponseStatus(HttpStatus.ACCEPTED)
	@Answers({ ProblemType.NOT_FOUND, ProblemType.ILLEGAL_TRANSITION })
	@PostMapping(path = "/api/admin/orders/{id}/refund-decision", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<OrderCommandRequests.Requested>> decideRefund(@PathVariable long id,
			@Valid @RequestBody OrderCommandRequests.RefundDecision decision, @AuthenticationPrincipal Jwt token,
			ServerHttpRequest http) {
		CurrentUser user = CurrentUser.of(token);
		return request(http, user,
				new RefundDecided(id, decision.approve(), user.username(),
						new OrderCommandRequests.Reason(decision.reason())
							.orDefault(decision.approve() ? "refund approved" : "refund rejected"),
						System.currentTimeMillis()));
	}

	private Mono<ResponseEntity<OrderCommandRequests.Requested>> request(ServerHttpRequest http, CurrentUser user,
			OrderEvent command) {
		return this.commands.request(user, command, http).map((requested) -> ResponseEntity.accepted().body(requested));
	}

}
