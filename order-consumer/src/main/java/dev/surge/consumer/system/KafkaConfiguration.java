package dev.surge.consumer.system;

import dev.surge.contracts.Topics;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topics, created on start when missing.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	@Bean
	KafkaAdmin.NewTopics topics(KafkaTopicProperties properties) {
		return new KafkaAdmin.NewTopics(topic(Topics.ORDERS, properties.partitions(), properties),
				topic(Topics.ORDERS_DLT, 1, properties), topic(Topics.PRODUCTS, properties.partitions(), properties),
				topic(Topics.PRODUCTS_DLT, 1, properties), topic(Topics.STOCK_ALERTS, 1, properties),
				topic(Topics.CHANGES, 1, properties));
	}

	private static NewTopic topic(String name, int partitions, KafkaTopicProperties properties) {
		return TopicBuilder.name(name).partitions(partitions).replicas(properties.replicationFactor()).build();
	}

}
