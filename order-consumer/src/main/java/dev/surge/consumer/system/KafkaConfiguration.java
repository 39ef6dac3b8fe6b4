package dev.surge.consumer.system;

import dev.surge.contracts.Topics;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The topics, created on start when missing.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	@Bean
	NewTopic ordersTopic(KafkaTopicProperties properties) {
		return TopicBuilder.name(Topics.ORDERS)
			.partitions(properties.partitions())
			.replicas(properties.replicationFactor())
			.build();
	}

	@Bean
	NewTopic ordersDeadLetterTopic(KafkaTopicProperties properties) {
		return TopicBuilder.name(Topics.ORDERS_DLT).partitions(1).replicas(properties.replicationFactor()).build();
	}

	@Bean
	NewTopic productsTopic(KafkaTopicProperties properties) {
		return TopicBuilder.name(Topics.PRODUCTS)
			.partitions(properties.partitions())
			.replicas(properties.replicationFactor())
			.build();
	}

	@Bean
	NewTopic productsDeadLetterTopic(KafkaTopicProperties properties) {
		return TopicBuilder.name(Topics.PRODUCTS_DLT).partitions(1).replicas(properties.replicationFactor()).build();
	}

	@Bean
	NewTopic stockAlertsTopic(KafkaTopicProperties properties) {
		return TopicBuilder.name(Topics.STOCK_ALERTS).partitions(1).replicas(properties.replicationFactor()).build();
	}

	@Bean
	NewTopic changesTopic(KafkaTopicProperties properties) {
		return TopicBuilder.name(Topics.CHANGES).partitions(1).replicas(properties.replicationFactor()).build();
	}

}
