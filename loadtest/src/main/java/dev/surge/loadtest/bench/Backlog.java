package dev.surge.loadtest.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import dev.surge.contracts.OrderEvent;
import dev.surge.contracts.OrderLine;
import dev.surge.contracts.OrderPlaced;
import dev.surge.contracts.RedisKeys;
import dev.surge.contracts.Topics;

/**
 * The consumer's side of the benchmark: makes orders as the API would (reservation in
 * Redis, {@link OrderPlaced} on {@link Topics#ORDERS}) without the API, and reads the
 * consumer group's lag.
 */
final class Backlog implements AutoCloseable {

	static final String GROUP = "order-consumer";

	/** Ids of a node the API never gets (it counts up from 1), so they never collide. */
	private static final long NODE = 1023;

	private static final long EPOCH = java.time.Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();

	private final ObjectWriter json = JsonMapper.builder().build().writerFor(OrderEvent.class);

	private final Admin admin;

	private final String bootstrap;

	private long nextStamp = (System.currentTimeMillis() - EPOCH) << 12;

	Backlog(String bootstrap) {
		this.bootstrap = bootstrap;
		Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		this.admin = Admin.create(config);
	}

	/**
	 * One-line orders of one unit: all on {@code firstProduct} when {@code products} is
	 * 1, else spread evenly.
	 */
	List<OrderPlaced> orders(int count, long firstProduct, int products, long userId) {
		List<OrderPlaced> orders = new ArrayList<>(count);
		long now = System.currentTimeMillis();
		for (int i = 0; i < count; i++) {
			long stamp = this.nextStamp++;
			long id = ((stamp >>> 12) << 22) | (NODE << 12) | (stamp & 0xFFF);
			long product = firstProduct + (i % products);
			orders.add(new OrderPlaced(id, "BK" + Long.toString(id, 36).toUpperCase(), userId,
					List.of(new OrderLine(product, 1)), now));
		}
		return orders;
	}

	/** Takes the reservations in Redis as reserve.lua would, pipelined. */
	static void reserve(StatefulRedisConnection<String, String> connection, List<OrderPlaced> orders) {
		RedisAsyncCommands<String, String> redis = connection.async();
		List<RedisFuture<?>> pending = new ArrayList<>();
		for (OrderPlaced order : orders) {
			for (OrderLine line : order.items()) {
				pending.add(redis.decrby(RedisKeys.stock(line.productId()), line.quantity()));
				pending.add(redis.hset(RedisKeys.reservations(line.productId()), Long.toString(order.orderId()),
						line.quantity() + ":" + order.placedAt()));
			}
			if (pending.size() >= 10_000) {
				await(pending);
			}
		}
		await(pending);
	}

	/** Takes units off the gate for rows written to MySQL without a reservation. */
	static void takeFromGate(StatefulRedisConnection<String, String> connection, List<OrderPlaced> orders) {
		Map<Long, Long> units = new HashMap<>();
		orders.forEach((order) -> order.items()
			.forEach((line) -> units.merge(line.productId(), (long) line.quantity(), Long::sum)));
		List<RedisFuture<?>> pending = new ArrayList<>();
		units.forEach((product, n) -> pending.add(connection.async().decrby(RedisKeys.stock(product), n)));
		await(pending);
	}

	private static void await(List<RedisFuture<?>> pending) {
		if (!LettuceFutures.awaitAll(Duration.ofSeconds(60), pending.toArray(new RedisFuture<?>[0]))) {
			throw new IllegalStateException("Redis did not answer");
		}
		pending.clear();
	}

	/** Publishes the orders, keyed by order id, as the API does. */
	void publish(List<OrderPlaced> orders) {
		Properties config = new Properties();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrap);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
		config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
				new ByteArraySerializer())) {
			for (OrderPlaced order : orders) {
				producer.send(new ProducerRecord<>(Topics.ORDERS, Long.toString(order.orderId()),
						this.json.writeValueAsBytes(order)));
			}
			producer.flush();
		}
	}

	/** Records on {@link Topics#ORDERS} not yet committed by the consumer group. */
	long lag() {
		try {
			Map<TopicPartition, OffsetAndMetadata> committed = this.admin.listConsumerGroupOffsets(GROUP)
				.partitionsToOffsetAndMetadata()
				.get(10, TimeUnit.SECONDS);
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			this.admin.describeTopics(List.of(Topics.ORDERS))
				.allTopicNames()
				.get(10, TimeUnit.SECONDS)
				.get(Topics.ORDERS)
				.partitions()
				.forEach((p) -> latest.put(new TopicPartition(Topics.ORDERS, p.partition()), OffsetSpec.latest()));
			long lag = 0;
			for (var end : this.admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).entrySet()) {
				OffsetAndMetadata done = committed.get(end.getKey());
				lag += end.getValue().offset() - ((done != null) ? done.offset() : 0);
			}
			return lag;
		}
		catch (ExecutionException | java.util.concurrent.TimeoutException ex) {
			throw new IllegalStateException("Reading the consumer lag failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Waits until the lag is 0.
	 * @return seconds it took, or -1 if it did not within the limit
	 */
	double secondsUntilDrained(Duration limit) {
		long start = System.nanoTime();
		while (System.nanoTime() - start < limit.toNanos()) {
			if (lag() == 0) {
				return (System.nanoTime() - start) / 1e9;
			}
			Pause.sleep(Duration.ofMillis(100));
		}
		return -1;
	}

	/**
	 * Watches a backlog being drained: from the first committed progress to lag 0.
	 * @return orders per second, or -1 if it did not drain within the limit
	 */
	double drainRate(long backlog, Duration limit) {
		long deadline = System.nanoTime() + limit.toNanos();
		long firstAt = 0;
		long lagAtFirst = 0;
		while (System.nanoTime() < deadline) {
			long lag = lag();
			long now = System.nanoTime();
			if (firstAt == 0 && lag < backlog) {
				firstAt = now;
				lagAtFirst = lag;
			}
			if (lag == 0) {
				return (firstAt == now) ? Double.NaN : lagAtFirst / ((now - firstAt) / 1e9);
			}
			Pause.sleep(Duration.ofMillis(50));
		}
		return -1;
	}

	@Override
	public void close() {
		this.admin.close(Duration.ofSeconds(5));
	}

}
