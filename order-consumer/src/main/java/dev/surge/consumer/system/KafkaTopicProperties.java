package dev.surge.consumer.system;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the consumer creates its topics.
 *
 * @param partitions partitions of {@code orders.v1}
 * @param replicationFactor replicas of every topic
 */
@ConfigurationProperties("surge.kafka")
@Validated
record KafkaTopicProperties(@Min(1) int partitions, @Min(1) short replicationFactor) {

}
