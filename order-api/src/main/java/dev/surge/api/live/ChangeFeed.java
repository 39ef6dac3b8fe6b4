package dev.surge.api.live;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import dev.surge.contracts.Topics;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.CommonLoggingErrorHandler;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@link Topics#CHANGES} and {@link Topics#STOCK_ALERTS} in a consumer group of its
 * own (a random suffix per instance, from the latest offset), so every API instance sees
 * every notice and only what happens while it runs. Notices go to a best-effort
 * multicast: with nobody listening, or a listener without demand, they are dropped, never
 * buffered; the Kafka thread never waits.
 */
@Component
class ChangeFeed implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);

	private final Sinks.Many<Notice> sink = Sinks.many().multicast().directBestEffort();

	private final LiveProperties properties;

	private final KafkaProperties kafka;

	private final Sinks.Empty<Void> stopped = Sinks.empty();

	private volatile @Nullable KafkaMessageListenerContainer<String, byte[]> container;

	ChangeFeed(LiveProperties properties, KafkaProperties kafka) {
		this.properties = properties;
		this.kafka = kafka;
	}

	Flux<Notice> notices() {
		return this.sink.asFlux();
	}

	/** Completes when the application stops, so that open event streams end. */
	Mono<Void> stopped() {
		return this.stopped.asMono();
	}

	/** Called on the container's single consumer thread only, so emissions never race. */
	void accept(ConsumerRecord<String, byte[]> record) {
		if (this.sink.currentSubscriberCount() == 0) {
			return; // nobody watches: not even parsed
		}
		Notices.read(record.topic(), record.value(), record.timestamp()).ifPresent(this.sink::tryEmitNext);
	}

	@Override
	public void start() {
		if (!this.properties.enabled() || this.container != null) {
			return;
		}
		String group = this.properties.groupPrefix() + UUID.randomUUID();
		ContainerProperties listening = new ContainerProperties(Topics.CHANGES, Topics.STOCK_ALERTS);
		listening.setGroupId(group);
		listening.setMessageListener((MessageListener<String, byte[]>) this::accept);
		KafkaMessageListenerContainer<String, byte[]> started = new KafkaMessageListenerContainer<>(
				new DefaultKafkaConsumerFactory<>(consumerProperties()), listening);
		started.setBeanName("liveChangeFeed");
		started.setCommonErrorHandler(new CommonLoggingErrorHandler());
		started.start();
		this.container = started;
		log.info("Live events read {} and {} as group {}", Topics.CHANGES, Topics.STOCK_ALERTS, group);
	}

	private Map<String, Object> consumerProperties() {
		Map<String, Object> config = new HashMap<>(this.kafka.buildConsumerProperties());
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		// find the topics soon when this API starts before the consumer created them
		config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 10_000);
		config.remove(ConsumerConfig.CLIENT_ID_CONFIG);
		return config;
	}

	@Override
	public void stop() {
		KafkaMessageListenerContainer<String, byte[]> running = this.container;
		this.container = null;
		if (running != null) {
			running.stop();
		}
		this.stopped.tryEmitEmpty();
		this.sink.tryEmitComplete();
	}

	@Override
	public boolean isRunning() {
		return this.container != null;
	}

}
