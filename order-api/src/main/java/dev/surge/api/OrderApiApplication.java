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

	/**
	 * Reactor Netty's default is at least four event loops; with fewer cores than that
	 * they take turns on them, so the API runs one loop per core.
	 * {@code -Dreactor.netty.ioWorkerCount} still wins.
	 */
	public static void main(String[] args) {
		if (System.getProperty("reactor.netty.ioWorkerCount") == null) {
			System.setProperty("reactor.netty.ioWorkerCount",
					Integer.toString(Runtime.getRuntime().availableProcessors()));
		}
		SpringApplication.run(OrderApiApplication.class, args);
	}

}
