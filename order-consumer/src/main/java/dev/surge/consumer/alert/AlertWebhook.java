package dev.surge.consumer.alert;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * POSTs alerts as JSON to {@code surge.alerts.webhook-url}, on its own thread with a
 * bounded queue, so a slow or failing webhook never blocks orders: up to
 * {@value #ATTEMPTS} attempts with a doubling back-off, then the alert is only in the log
 * and on {@code stock.alerts.v1}.
 */
@Component
class AlertWebhook implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(AlertWebhook.class);

	static final int ATTEMPTS = 3;

	private static final Duration FIRST_BACK_OFF = Duration.ofSeconds(1);

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final AlertProperties properties;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

	private final ExecutorService sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
			new ArrayBlockingQueue<>(100), Thread.ofPlatform().name("alert-webhook").daemon().factory());

	AlertWebhook(AlertProperties properties) {
		this.properties = properties;
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
		Duration backOff = FIRST_BACK_OFF;
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			String failure;
			try {
				int status = this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
				if (status / 100 == 2) {
					return;
				}
				failure = "HTTP " + status;
			}
			catch (java.io.IOException ex) {
				failure = ex.toString();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			logger.warn("Alert webhook attempt {}/{} failed: {}", attempt, ATTEMPTS, failure);
			if (attempt < ATTEMPTS && !sleep(backOff)) {
				return;
			}
			backOff = backOff.multipliedBy(2);
		}
	}

	private static boolean sleep(Duration duration) {
		try {
			Thread.sleep(duration);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@Override
	public void destroy() {
		this.sender.shutdownNow();
	}

}
