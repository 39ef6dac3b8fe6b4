package dev.surge.api.admin;

import java.time.Clock;
import java.util.UUID;

import reactor.core.publisher.Mono;

import dev.surge.api.auth.CurrentUser;
import dev.surge.api.product.ProductCommands;
import dev.surge.api.system.ProblemType;
import dev.surge.contracts.DemoResetRequested;

import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/admin/demo/reset}: asks the consumer to restore the demo catalogue and
 * its stock (seed 000's 重置库存). Answers 202 once Kafka has the command; outside the demo
 * run ({@code surge.demo.enabled} false) refuses with a 409 {@code demo-disabled} problem
 * and publishes nothing, as the consumer would ignore the command there.
 */
@RestController
class DemoResetController {

	private final ProductCommands commands;

	private final Clock clock = Clock.systemUTC();

	private final boolean demoEnabled;

	DemoResetController(ProductCommands commands, Environment environment) {
		this.commands = commands;
		this.demoEnabled = Boolean.TRUE.equals(environment.getProperty("surge.demo.enabled", Boolean.class, false));
	}

	@ResponseStatus(HttpStatus.ACCEPTED)
	@PostMapping("/api/admin/demo/reset")
	Mono<ResponseEntity<ResetRequested>> reset(@AuthenticationPrincipal Jwt token) {
		if (!this.demoEnabled) {
			return Mono.error(ProblemType.DEMO_DISABLED
				.problem("The demo reset deletes every order: it runs only where surge.demo.enabled is set")
				.toException());
		}
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
