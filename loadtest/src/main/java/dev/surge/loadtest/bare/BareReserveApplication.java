package dev.surge.loadtest.bare;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Mono;

import dev.surge.contracts.RedisKeys;
import dev.surge.contracts.Scripts;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
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

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> RESERVE = RedisScript.of(Scripts.RESERVE.source(), List.class);

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
		return this.redis
			.execute(RESERVE, List.of(RedisKeys.stock(line.productId()), RedisKeys.reservations(line.productId())),
					List.of(Long.toString(orderId), Integer.toString(line.quantity()),
							Long.toString(System.currentTimeMillis())))
			.cast(Object.class)
			.collectList()
			.map((answer) -> respond(orderId, answer));
	}

	@GetMapping("/actuator/health")
	Map<String, String> health() {
		return Map.of("status", "UP");
	}

	private static ResponseEntity<Reserved> respond(long orderId, List<Object> answer) {
		List<?> reply = (answer.size() == 1 && answer.get(0) instanceof List<?> nested) ? nested : answer;
		long code = ((Number) reply.get(0)).longValue();
		HttpStatus status = (code == 1 || code == 2) ? HttpStatus.ACCEPTED
				: (code == 0) ? HttpStatus.CONFLICT : HttpStatus.SERVICE_UNAVAILABLE;
		return ResponseEntity.status(status).body(new Reserved(Long.toString(orderId), code));
	}

	/**
	 * What a one-line order asks for.
	 *
	 * @param productId the product
	 * @param quantity units
	 */
	record Line(long productId, int quantity) {

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
