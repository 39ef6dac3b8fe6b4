package dev.surge.stocksync.dlt;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Option;

/**
 * Where Kafka is, and reading a whole topic without joining a consumer group.
 */
final class KafkaOptions {

	private static final Duration TIMEOUT = Duration.ofSeconds(15);

	@Option(names = "--bootstrap-servers", paramLabel = "HOSTS",
			description = "Kafka bootstrap servers (env SPRING_KAFKA_BOOTSTRAP_SERVERS).",
			defaultValue = "${env:SPRING_KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092}")
	String bootstrapServers;

	/**
	 * Every record of the topic, from the beginning to its end at the time of the call.
	 */
	List<ConsumerRecord<String, byte[]>> readAll(String topic) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			List<PartitionInfo> infos = consumer.partitionsFor(topic, TIMEOUT);
			if (infos == null || infos.isEmpty()) {
				throw new IllegalStateException("No topic " + topic);
			}
			List<TopicPartition> partitions = infos.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
			List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
			long deadline = System.nanoTime() + TIMEOUT.toNanos() * 4;
			while (!reached(consumer, end)) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("Could not read " + topic + " to its end");
				}
				consumer.poll(Duration.ofMillis(500)).forEach(records::add);
			}
			records.removeIf(
					(record) -> record.offset() >= end.get(new TopicPartition(record.topic(), record.partition())));
			return records;
		}
	}

	KafkaProducer<String, byte[]> producer() {
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
		properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(TIMEOUT.toMillis()));
		properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
		properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
		return new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
	}

	private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
		return end.entrySet().stream().allMatch((entry) -> consumer.position(entry.getKey()) >= entry.getValue());
	}

}
