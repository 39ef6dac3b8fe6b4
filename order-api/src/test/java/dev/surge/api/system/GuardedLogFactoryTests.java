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

	private final AtomicInteger rendered = new AtomicInteger();

	/** Counts how often it is turned into text. */
	private final Object message = new Object() {
		@Override
		public String toString() {
			GuardedLogFactoryTests.this.rendered.incrementAndGet();
			return "rendered";
		}
	};

	@Test
	void aDisabledLevelNeverTurnsTheMessageIntoText() {
		Log log = new GuardedLogFactory().getInstance("dev.surge.quiet");

		assertThat(log.isTraceEnabled()).isFalse();
		log.trace(this.message);
		log.trace(this.message, new IllegalStateException());

		assertThat(this.rendered).hasValue(0);
	}

	@Test
	void anEnabledLevelStillLogs() {
		Log log = new GuardedLogFactory().getInstance("dev.surge.loud");

		log.error(this.message);

		assertThat(this.rendered).hasValue(1);
	}

}
