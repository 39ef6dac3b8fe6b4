package dev.surge.consumer.alert;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * POSTs alerts as JSON to {@code surge.alerts.webhook-url}, on its own thread with a
 * bounded queue, so a slow or failing webhook never blocks orders. A resilience4j
 * {@link Retry} makes up to {@value #ATTEMPTS} attempts with a doubling back-off (1 s, 2
 * s) on a connection failure or an answer other than 2xx; after the last, the alert is
 * only in the log and on {@code stock.alerts.v1}.
 */
@Component
class AlertWebhook implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(AlertWebhook.class);

	static final int ATTEMPTS = 3;

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final AlertProperties properties;

	private final Retry retry;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

	private final ExecutorService sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
			new ArrayBlockingQueue<>(100), Thread.ofPlatform().name("alert-webhook").daemon().factory());

	@Autowired
	AlertWebhook(AlertProperties properties) {
		this(properties, Duration.ofSeconds(1));
	}

	AlertWebhook(AlertProperties properties, Duration firstBackOff) {
		this.properties = properties;
		this.retry = Retry.of("alert-webhook",
				RetryConfig.<Integer>custom()
					.maxAttempts(ATTEMPTS)
					.intervalFunction(IntervalFunction.ofExponentialBackoff(firstBackOff, 2))
					.retryOnResult((status) -> status / 100 != 2)
					.retryExceptions(IOException.class)
					.failAfterMaxAttempts(true)
					.build());
		this.retry.getEventPublisher()
			.onRetry((event) -> logger.warn("Alert webhook attempt {}/{} failed: {}", event.getNumberOfRetryAttempts(),
					ATTEMPTS, describe(event.getLastThrowable())));
	}

	/** Queues the POST; returns at once. Does nothing without a webhook. */
	void post(byte[] json) {
		if (!this.properties.hasWebhook()) {
			return;
		}
		try {
			this.sender.execute(() -> send(json));
		}
		catch (RejectedExecutionException ex) {
			logger.warn("Alert webhook queue full, alert not posted");
		}
	}

	private void send(byte[] json) {
		HttpRequest request = HttpRequest.newBuilder(this.properties.webhookUrl())
			.timeout(TIMEOUT)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(json))
			.build();
		try {
			this.retry.executeCheckedSupplier(
					() -> this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (Throwable ex) {
			logger.warn("Alert webhook gave up after {} attempts: {}", ATTEMPTS, describe(ex));
		}
	}

	private static String describe(@Nullable Throwable failure) {
		return (failure != null) ? failure.toString() : "answer not 2xx";
	}

	@Override
	public void destroy() {
		this.sender.shutdownNow();
	}

}
