package dev.surge.loadtest.naive;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Mono;

import dev.surge.contracts.Scripts;
import dev.surge.loadtest.reserve.Line;
import dev.surge.loadtest.reserve.ReserveScript;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The order handler a tutorial would write, the benchmark's anchor (row 1b): WebFlux, the
 * production reservation script ({@link Scripts#RESERVE}) through Lettuce, then an
 * awaited {@link KafkaTemplate#send} with {@code acks=all} and an idempotent producer,
 * and 202. No auth, no limits, no idempotency, no in-flight copy, no time limits or
 * breakers, no release when the send fails. It exists only in the loadtest module and is
 * never part of the production API.
 */
@SpringBootApplication
@RestController
public class NaiveOrderApplication {

	static final String TOPIC = "naive.orders.v1";

	private final ReactiveStringRedisTemplate redis;

	private final KafkaTemplate<String, String> kafka;

	private final AtomicLong ids = new AtomicLong(System.currentTimeMillis() << 20);

	NaiveOrderApplication(ReactiveStringRedisTemplate redis, KafkaTemplate<String, String> kafka) {
		this.redis = redis;
		this.kafka = kafka;
	}

	public static void main(String[] args) {
		SpringApplication app = new SpringApplication(NaiveOrderApplication.class);
		app.setDefaultProperties(Map.of("spring.config.name", "naive"));
		app.run(args);
	}

	@Bean
	NewTopic naiveOrders() {
		return TopicBuilder.name(TOPIC).partitions(6).replicas(1).build();
	}

	@PostMapping("/naive/orders")
	Mono<ResponseEntity<Placed>> place(@RequestBody Line line) {
		long orderId = this.ids.incrementAndGet();
		return ReserveScript.reserve(this.redis, orderId, line).flatMap((code) -> {
			if (code != 1 && code != 2) {
				return Mono
					.just(ResponseEntity.status((code == 0) ? HttpStatus.CONFLICT : HttpStatus.SERVICE_UNAVAILABLE)
						.body(new Placed(Long.toString(orderId))));
			}
			String order = "{\"orderId\":" + orderId + ",\"productId\":" + line.productId() + ",\"quantity\":"
					+ line.quantity() + "}";
			return Mono.fromFuture(() -> this.kafka.send(TOPIC, Long.toString(orderId), order))
				.thenReturn(ResponseEntity.status(HttpStatus.ACCEPTED).body(new Placed(Long.toString(orderId))));
		});
	}

	@GetMapping("/actuator/health")
	Map<String, String> health() {
		return Map.of("status", "UP");
	}

	/**
	 * The answer.
	 *
	 * @param orderId the order
	 */
	record Placed(String orderId) {

	}

}
