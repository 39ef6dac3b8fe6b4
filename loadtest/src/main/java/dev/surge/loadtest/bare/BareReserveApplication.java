package dev.surge.loadtest.bare;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Mono;

import dev.surge.contracts.Scripts;
import dev.surge.loadtest.reserve.Line;
import dev.surge.loadtest.reserve.ReserveScript;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The benchmark's limit: a WebFlux endpoint that only runs the production reservation
 * script ({@link Scripts#RESERVE}) through Lettuce, with the same Redis settings as
 * order-api. No auth, no idempotency, no Kafka. It exists only in the loadtest module and
 * is never part of the production API.
 */
@SpringBootApplication
@RestController
public class BareReserveApplication {

	private final ReactiveStringRedisTemplate redis;

	private final AtomicLong ids = new AtomicLong(System.currentTimeMillis() << 20);

	BareReserveApplication(ReactiveStringRedisTemplate redis) {
		this.redis = redis;
	}

	public static void main(String[] args) {
		SpringApplication app = new SpringApplication(BareReserveApplication.class);
		app.setDefaultProperties(Map.of("spring.config.name", "bare"));
		app.run(args);
	}

	@PostMapping("/bare/orders")
	Mono<ResponseEntity<Reserved>> reserve(@RequestBody Line line) {
		long orderId = this.ids.incrementAndGet();
		return ReserveScript.reserve(this.redis, orderId, line).map((code) -> respond(orderId, code));
	}

	@GetMapping("/actuator/health")
	Map<String, String> health() {
		return Map.of("status", "UP");
	}

	private static ResponseEntity<Reserved> respond(long orderId, long code) {
		HttpStatus status = (code == 1 || code == 2) ? HttpStatus.ACCEPTED
				: (code == 0) ? HttpStatus.CONFLICT : HttpStatus.SERVICE_UNAVAILABLE;
		return ResponseEntity.status(status).body(new Reserved(Long.toString(orderId), code));
	}

	/**
	 * The answer.
	 *
	 * @param orderId the id the reservation was taken under
	 * @param code reserve.lua's return code
	 */
	record Reserved(String orderId, long code) {

	}

}
