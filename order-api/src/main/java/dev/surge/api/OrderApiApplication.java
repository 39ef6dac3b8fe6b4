package dev.surge.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The HTTP edge of Surge: takes orders, reserves stock in Redis and hands them to Kafka.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OrderApiApplication {

	public static void main(String[] args) {
		SpringApplication.run(OrderApiApplication.class, args);
	}

}
