package dev.surge.api.auth;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates the demo users on the first start of the demo run. Never enabled in production.
 */
@Component
@ConditionalOnBooleanProperty("surge.demo.enabled")
record DemoUsers(Users users, PasswordEncoder passwords) implements ApplicationRunner {

	static final List<String[]> ACCOUNTS = List.of(new String[] { "admin", "surge-admin", "ADMIN" },
			new String[] { "alice", "surge-alice", "CUSTOMER" }, new String[] { "bob", "surge-bob", "CUSTOMER" });

	private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

	@Override
	public void run(ApplicationArguments args) {
		for (String[] account : ACCOUNTS) {
			if (this.users.findByUsername(account[0]).isEmpty()) {
				this.users.create(account[0], this.passwords.encode(account[1]), Role.valueOf(account[2]));
			}
			log.info("Demo user {} / {} ({})", account[0], account[1], account[2]);
		}
	}

}
