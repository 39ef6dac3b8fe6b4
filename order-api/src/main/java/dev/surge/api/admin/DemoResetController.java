package dev.surge.api.admin;

import java.time.Clock;
import java.util.UUID;

import reactor.core.publisher.Mono;

import dev.surge.api.auth.CurrentUser;
import dev.surge.api.product.ProductCommands;
import dev.surge.contracts.DemoResetRequested;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/admin/demo/reset}: asks the consumer to restore the demo catalogue and
 * its stock (seed 000's 重置库存). Answers 202 once Kafka has the command.
 */
@RestController
class DemoResetController {

	private final ProductCommands commands;

	private final Clock clock = Clock.systemUTC();

	DemoResetController(ProductCommands commands) {
		this.commands = commands;
	}

	@ResponseStatus(HttpStatus.ACCEPTED)
	@PostMapping("/api/admin/demo/reset")
	Mono<ResponseEntity<ResetRequested>> reset(@AuthenticationPrincipal Jwt token) {
		DemoResetRequested request = new DemoResetRequested(CurrentUser.of(token).username(),
				UUID.randomUUID().toString(), this.clock.millis());
		return this.commands.publish(request)
			.thenReturn(ResponseEntity.accepted().body(new ResetRequested(request.requestId())));
	}

	/**
	 * The answer.
	 *
	 * @param requestId identifies this reset in the stock log
	 */
	record ResetRequested(String requestId) {
	}

}
