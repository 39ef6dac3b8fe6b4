package dev.surge.api.security;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the {@code security_log} table: failed logins, denied access, invalid tokens,
 * rate-limit hits and admin actions. {@link #record} only queues the event; one
 * background thread writes the queue in small batches. A full queue or a failing database
 * drops events (counted in {@code surge.security.log.dropped}) rather than slowing or
 * failing a request.
 */
@Component
public class SecurityLog implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SecurityLog.class);

	private static final int CAPACITY = 10_000;

	private static final int BATCH = 100;

	private static final String INSERT = "INSERT INTO security_log (at, username, ip, route, action, outcome, detail) VALUES (?, ?, ?, ?, ?, ?, ?)";

	private final BlockingQueue<SecurityEvent> queue = new ArrayBlockingQueue<>(CAPACITY);

	private final AtomicLong dropped = new AtomicLong();

	private final JdbcTemplate jdbc;

	private volatile @Nullable Thread writer;

	SecurityLog(JdbcTemplate jdbc, MeterRegistry meters) {
		this.jdbc = jdbc;
		meters.gauge("surge.security.log.dropped", this.dropped);
		meters.gauge("surge.security.log.queued", this.queue, BlockingQueue::size);
	}

	/** Queues the event; never blocks. */
	public void record(SecurityEvent event) {
		if (!this.queue.offer(event)) {
			this.dropped.incrementAndGet();
		}
	}

	@Override
	public void start() {
		// known as the writer before it runs: its loop reads the field, and a thread that
		// ran first saw null and ended at once, dropping every later event
		Thread thread = Thread.ofPlatform().name("security-log").daemon().unstarted(this::run);
		this.writer = thread;
		thread.start();
	}

	@Override
	public void stop() {
		Thread running = this.writer;
		this.writer = null;
		if (running != null) {
			running.interrupt();
			try {
				running.join(2_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.writer != null;
	}

	private void run() {
		List<SecurityEvent> batch = new ArrayList<>(BATCH);
		while (this.writer != null) {
			try {
				SecurityEvent first = this.queue.poll(1, TimeUnit.SECONDS);
				if (first != null) {
					batch.add(first);
					this.queue.drainTo(batch, BATCH - 1);
					write(batch);
					batch.clear();
				}
			}
			catch (InterruptedException ex) {
				break;
			}
		}
		// flush what is left on shutdown
		while (this.queue.drainTo(batch, BATCH) > 0) {
			write(batch);
			batch.clear();
		}
	}

	private void write(List<SecurityEvent> batch) {
		try {
			this.jdbc.batchUpdate(INSERT, batch, batch.size(), (insert, event) -> {
				insert.setTimestamp(1, Timestamp.from(event.at()));
				insert.setString(2, clip(event.username(), 64));
				insert.setString(3, clip(event.ip(), 64));
				insert.setString(4, clip(event.route(), 200));
				insert.setString(5, clip(event.action(), 40));
				insert.setString(6, clip(event.outcome(), 40));
				insert.setString(7, clip(event.detail(), 500));
			});
		}
		catch (RuntimeException ex) {
			this.dropped.addAndGet(batch.size());
			log.warn("Dropped {} security log events: {}", batch.size(), ex.toString());
		}
	}

	/** Fits the column, without control characters that could forge log lines. */
	static @Nullable String clip(@Nullable String value, int max) {
		if (value == null) {
			return null;
		}
		StringBuilder clean = new StringBuilder(Math.min(value.length(), max));
		value.codePoints().limit(max).forEach((c) -> clean.appendCodePoint(Character.isISOControl(c) ? '?' : c));
		return clean.toString();
	}

}
