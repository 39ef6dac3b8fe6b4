package dev.surge.api.system;

import java.util.concurrent.Callable;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.stereotype.Component;

/**
 * Runs blocking work (JDBC, bcrypt) on a bounded scheduler, never on the event loop.
 */
@Component
public class Blocking implements AutoCloseable {

	private final Scheduler scheduler = Schedulers.newBoundedElastic(32, 10_000, "blocking");

	public <T> Mono<T> call(Callable<T> work) {
		return Mono.fromCallable(work).subscribeOn(this.scheduler);
	}

	@Override
	public void close() {
		this.scheduler.dispose();
	}

}
