package dev.surge.api.order;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Supplier;

import io.github.resilience4j.timelimiter.TimeLimiter;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Bounds the order path's Redis calls and Kafka sends with resilience4j time limiters on
 * their futures. The Reactor operator ({@code TimeLimiterOperator}, i.e.
 * {@code Mono.timeout}) builds a description of the whole upstream chain as text on every
 * subscription, on the order path's hot loop (docs/performance.md). A timed-out call
 * fails with {@link java.util.concurrent.TimeoutException}, counted in the limiter's
 * metrics.
 */
@Component
class TimeLimits implements DisposableBean {

	private final ScheduledExecutorService timer;

	TimeLimits() {
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = Executors.defaultThreadFactory().newThread(task);
			thread.setName("order-time-limits");
			thread.setDaemon(true);
			return thread;
		});
		// most calls finish in time: their timeouts leave the queue at once
		executor.setRemoveOnCancelPolicy(true);
		this.timer = executor;
	}

	<T> Mono<T> bound(TimeLimiter limiter, Supplier<? extends CompletionStage<T>> call) {
		return Mono.fromCompletionStage(() -> limiter.executeCompletionStage(this.timer, call));
	}

	@Override
	public void destroy() {
		this.timer.shutdownNow();
	}

}
