package dev.surge.api.system;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GuardedLogFactoryTests {

	@Test
	void commonsLoggingFindsTheGuardedFactory() {
		assertThat(LogFactory.getFactory()).isInstanceOf(GuardedLogFactory.class);
	}

	@Test
	void aDisabledLevelNeverTurnsTheMessageIntoText() {
		AtomicInteger rendered = new AtomicInteger();
		Object message = new Object() {
			@Override
			public String toString() {
				rendered.incrementAndGet();
				return "rendered";
			}
		};
		Log log = new GuardedLogFactory().getInstance("dev.surge.quiet");

		assertThat(log.isTraceEnabled()).isFalse();
		log.trace(message);
		log.trace(message, new IllegalStateException());

		assertThat(rendered).hasValue(0);
	}

	@Test
	void anEnabledLevelStillLogs() {
		AtomicInteger rendered = new AtomicInteger();
		Object message = new Object() {
			@Override
			public String toString() {
				rendered.incrementAndGet();
				return "rendered";
			}
		};
		Log log = new GuardedLogFactory().getInstance("dev.surge.loud");

		log.error(message);

		assertThat(rendered).hasValue(1);
	}

}
