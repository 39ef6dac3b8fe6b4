package dev.surge.consumer.system;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import dev.surge.contracts.RedisKeys;
import dev.surge.contracts.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gauges an operator alerts on, refreshed in the background (a scrape never waits on
 * Kafka or Redis): the records waiting in each dead-letter topic
 * ({@code surge.dlt.records}, latest minus earliest offset) and the outcome of the latest
 * full {@code stock-sync reconcile}, which records it in Redis
 * ({@code surge.reconcile.drifting.products}, {@code surge.reconcile.fixed.products},
 * {@code surge.reconcile.last.run}: epoch seconds, 0 when none ran yet).
 */
@Component
class OperationsGauges implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(OperationsGauges.class);

	private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

	private static final List<String> DEAD_LETTER_TOPICS = List.of(Topics.ORDERS_DLT, Topics.PRODUCTS_DLT);

	private final Admin admin;

	private final StringRedisTemplate redis;

	private final Map<String, AtomicLong> deadLetters;

	private final AtomicLong drifting = new AtomicLong();

	private final AtomicLong fixed = new AtomicLong();

	private final AtomicLong lastReconcile = new AtomicLong();

	OperationsGauges(KafkaAdmin kafkaAdmin, StringRedisTemplate redis, MeterRegistry registry) {
		this.admin = Admin.create(kafkaAdmin.getConfigurationProperties());
		this.redis = redis;
		this.deadLetters = DEAD_LETTER_TOPICS.stream()
			.collect(Collectors.toMap((topic) -> topic, (topic) -> new AtomicLong()));
		this.deadLetters.forEach((topic, size) -> Gauge.builder("surge.dlt.records", size, AtomicLong::get)
			.description("Records in the dead-letter topic (latest minus earliest offset)")
			.tag("topic", topic)
			.register(registry));
		Gauge.builder("surge.reconcile.drifting.products", this.drifting, AtomicLong::get)
			.description("Products left drifting by the latest full stock-sync reconcile")
			.register(registry);
		Gauge.builder("surge.reconcile.fixed.products", this.fixed, AtomicLong::get)
			.description("Products whose Redis stock the latest full stock-sync reconcile repaired")
			.register(registry);
		Gauge.builder("surge.reconcile.last.run", this.lastReconcile, AtomicLong::get)
			.description("When the latest full stock-sync reconcile ran, epoch seconds (0: never)")
			.baseUnit("seconds")
			.register(registry);
	}

	@Scheduled(fixedDelayString = "${surge.metrics.refresh-interval:PT15S}", initialDelay = 0)
	void refresh() {
		try {
			this.deadLetters.forEach((topic, size) -> size.set(recordsIn(topic)));
		}
		catch (RuntimeException ex) {
			logger.debug("Dead-letter sizes not refreshed: {}", ex.toString());
		}
		try {
			Map<Object, Object> last = this.redis.opsForHash().entries(RedisKeys.lastReconcile());
			this.drifting.set(number(last.get("drifting")));
			this.fixed.set(number(last.get("fixed")));
			this.lastReconcile.set(number(last.get("at")) / 1000);
		}
		catch (RuntimeException ex) {
			logger.debug("Reconcile result not refreshed: {}", ex.toString());
		}
	}

	private long recordsIn(String topic) {
		try {
			List<TopicPartition> partitions = this.admin.describeTopics(List.of(topic))
				.allTopicNames()
				.get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
				.get(topic)
				.partitions()
				.stream()
				.map((partition) -> new TopicPartition(topic, partition.partition()))
				.toList();
			return offsets(partitions, OffsetSpec.latest()) - offsets(partitions, OffsetSpec.earliest());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private long offsets(List<TopicPartition> partitions, OffsetSpec spec)
			throws InterruptedException, ExecutionException, TimeoutException {
		Map<TopicPartition, OffsetSpec> request = partitions.stream()
			.collect(Collectors.toMap((partition) -> partition, (partition) -> spec));
		return this.admin.listOffsets(request)
			.all()
			.get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
			.values()
			.stream()
			.mapToLong(ListOffsetsResultInfo::offset)
			.sum();
	}

	private static long number(Object value) {
		return (value != null) ? Long.parseLong(value.toString()) : 0;
	}

	@Override
	public void destroy() {
		this.admin.close(CALL_TIMEOUT);
	}

}
