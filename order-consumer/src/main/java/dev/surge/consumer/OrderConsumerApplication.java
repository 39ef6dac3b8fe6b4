package dev.surge.consumer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class OrderConsumerApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(OrderConsumerApplication.class);
		application.addListeners(new RequiredSecrets());
		application.run(args);
	}

}
