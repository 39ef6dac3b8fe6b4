package dev.surge.api.order;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

import dev.surge.contracts.OrderEvent;
import dev.surge.contracts.OrderLine;
import dev.surge.contracts.RedisKeys;
import dev.surge.contracts.ReservationExpired;
import dev.surge.contracts.Reservations;
import dev.surge.contracts.Topics;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Step 4 of the consistency protocol: finds reservations that stayed in {@code resv:{p}}
 * longer than any publish of their order can still take (the producer's
 * {@code max.block.ms + delivery.timeout.ms} plus a margin) and publishes one
 * {@link ReservationExpired} per order, keyed by the order id, with the lines still held.
 * The consumer then claims them if the {@code OrderPlaced} is in the log before it, or
 * abandons the order and releases them. Such reservations are left by an API that crashed
 * between reserve and publish, or whose release after a failed publish failed.
 * <p>
 * Runs on every API instance, on a thread of its own (blocking JDBC and Redis calls,
 * never an event loop). Products are listed from MySQL, not by SCAN, so it works the same
 * on a Redis Cluster. A marker {@code sweep:<orderId>} (SET NX EX) keeps instances and
 * rounds from publishing the same order again before
 * {@link SweeperProperties#republishAfter()}; a duplicate would be harmless anyway.
 */
@Component
class ReservationSweeper implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ReservationSweeper.class);

	private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

	private static final int READS_IN_FLIGHT = 16;

	private final ReactiveStringRedisTemplate redis;

	private final JdbcTemplate jdbc;

	private final KafkaTemplate<String, byte[]> kafka;

	private final ObjectWriter writer;

	private final SweeperProperties properties;

	private final Duration expireAfter;

	private final OrderMetrics metrics;

	private volatile ScheduledExecutorService timer;

	ReservationSweeper(ReactiveStringRedisTemplate redis, JdbcTemplate jdbc, KafkaTemplate<String, byte[]> kafka,
			JsonMapper json, SweeperProperties properties, KafkaProperties kafkaProperties, OrderMetrics metrics) {
		this.redis = redis;
		this.jdbc = jdbc;
		this.kafka = kafka;
		this.writer = json.writerFor(OrderEvent.class);
		this.properties = properties;
		this.expireAfter = expireAfter(kafkaProperties.getProducer().getProperties(), properties.margin());
		this.metrics = metrics;
	}

	/**
	 * How old a reservation must be before no publish of its order can still succeed.
	 */
	static Duration expireAfter(Map<String, String> producer, Duration margin) {
		long deliveryTimeout = Long
			.parseLong(producer.getOrDefault(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000"));
		long maxBlock = Long.parseLong(producer.getOrDefault(ProducerConfig.MAX_BLOCK_MS_CONFIG, "60000"));
		return Duration.ofMillis(deliveryTimeout + maxBlock).plus(margin);
	}

	Duration expireAfter() {
		return this.expireAfter;
	}

	/** One sweep; returns the orders whose expiry was published. */
	int sweep() {
		long now = System.currentTimeMillis();
		// a few reads in flight at once (pipelined on the connection), not one round trip
		// per product after the other
		Map<Long, Map<String, String>> held = Flux.fromIterable(productIds())
			.flatMap((productId) -> this.redis.<String, String>opsForHash()
				.entries(RedisKeys.reservations(productId))
				.collectMap(Map.Entry::getKey, Map.Entry::getValue)
				.filter((entries) -> !entries.isEmpty())
				.map((entries) -> Map.entry(productId, entries)), READS_IN_FLIGHT)
			.collectMap(Map.Entry::getKey, Map.Entry::getValue)
			.block(CALL_TIMEOUT);
		Map<Long, List<OrderLine>> expired = expired(held, now - this.expireAfter.toMillis());
		List<CompletableFuture<?>> sends = new ArrayList<>();
		expired.forEach((orderId, lines) -> {
			if (firstToPublish(orderId)) {
				sends.add(publish(new ReservationExpired(orderId, lines, now)));
			}
		});
		CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
		this.metrics.reservationsExpired(sends.size());
		if (!sends.isEmpty()) {
			log.info("Published ReservationExpired for {} orders (reservations older than {})", sends.size(),
					this.expireAfter);
		}
		return sends.size();
	}

	/**
	 * The reservations taken before {@code cutoff}, grouped by order, lines sorted by
	 * product id.
	 * @param held product id → that product's {@code resv} hash (order id →
	 * {@code qty:epochMillis})
	 * @param cutoff epoch millis
	 * @return order id → the lines it still holds
	 */
	static Map<Long, List<OrderLine>> expired(Map<Long, Map<String, String>> held, long cutoff) {
		Map<Long, List<OrderLine>> orders = new TreeMap<>();
		new TreeMap<>(held).forEach((productId, entries) -> entries.forEach((orderId, value) -> {
			Reservations reservation;
			try {
				reservation = Reservations.parse(value);
			}
			catch (RuntimeException ex) {
				log.warn("Unreadable reservation {} of order {} on product {}", value, orderId, productId);
				return;
			}
			if (reservation.reservedAt() < cutoff) {
				orders.computeIfAbsent(Long.parseLong(orderId), (id) -> new ArrayList<>())
					.add(new OrderLine(productId, reservation.quantity()));
			}
		}));
		return orders;
	}

	private List<Long> productIds() {
		// deleted products too: a reservation may outlive its product's deletion
		return this.jdbc.queryForList("SELECT id FROM products ORDER BY id", Long.class);
	}

	private boolean firstToPublish(long orderId) {
		return Boolean.TRUE.equals(this.redis.opsForValue()
			.setIfAbsent(marker(orderId), Long.toString(System.currentTimeMillis()), this.properties.republishAfter())
			.block(CALL_TIMEOUT));
	}

	private CompletableFuture<?> publish(ReservationExpired event) {
		String key = Long.toString(event.orderId());
		CompletableFuture<?> sent;
		try {
			sent = this.kafka.send(new ProducerRecord<>(Topics.ORDERS, key, this.writer.writeValueAsBytes(event)));
		}
		catch (RuntimeException ex) {
			sent = CompletableFuture.failedFuture(ex);
		}
		return sent.exceptionally((ex) -> {
			log.warn("ReservationExpired of order {} not published, a later sweep retries: {}", key, ex.toString());
			this.redis.delete(marker(event.orderId())).subscribe(null, (err) -> {
			});
			return null;
		});
	}

	private static String marker(long orderId) {
		return "sweep:" + orderId;
	}

	private void sweepSafely() {
		try {
			sweep();
		}
		catch (RuntimeException ex) {
			log.warn("Reservation sweep failed, next one in {}: {}", this.properties.interval(), ex.toString());
		}
	}

	@Override
	public void start() {
		if (!this.properties.enabled()) {
			log.info("Reservation sweeper disabled");
			return;
		}
		ScheduledExecutorService executor = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("reservation-sweeper").daemon().factory());
		long interval = this.properties.interval().toMillis();
		executor.scheduleWithFixedDelay(this::sweepSafely, interval, interval, TimeUnit.MILLISECONDS);
		this.timer = executor;
		log.info("Reservation sweeper: every {}, expires reservations older than {}", this.properties.interval(),
				this.expireAfter);
	}

	@Override
	public void stop() {
		ScheduledExecutorService executor = this.timer;
		this.timer = null;
		if (executor != null) {
			executor.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return this.timer != null;
	}

}
