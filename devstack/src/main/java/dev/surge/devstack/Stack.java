package dev.surge.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Real Redis, Kafka and MariaDB servers as child processes of this JVM, with their data
 * under one directory: the single-node {@link DevServers} or the production topology's
 * {@link ClusterServers}. What both share lives here: one data dir serves one stack at a
 * time (a file lock, also within one JVM), the servers start in parallel, and
 * {@link #close()} (or the devstack shutdown hook) stops Kafka first, then Redis and
 * MariaDB.
 */
public abstract sealed class Stack implements AutoCloseable permits DevServers, ClusterServers {

	private final FileChannel lockChannel;

	private final FileLock lock;

	private final MariaDbServer mysql;

	private volatile boolean closed;

	Stack(Path dataDir, MariaDbServer mysql) {
		this.mysql = mysql;
		try {
			Files.createDirectories(dataDir);
			this.lockChannel = FileChannel.open(dataDir.resolve(".lock"), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE);
			this.lock = tryLock(this.lockChannel, dataDir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static FileLock tryLock(FileChannel channel, Path dataDir) throws IOException {
		FileLock lock = null;
		try {
			lock = channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			// held by this JVM
		}
		if (lock == null) {
			channel.close();
			throw new IllegalStateException("data dir " + dataDir + " is used by another running devstack");
		}
		return lock;
	}

	/**
	 * Starts the servers in parallel, each timed; stops everything when one fails.
	 * @param starts what to start, by the name printed when it is ready
	 */
	final void startAll(Map<String, Runnable> starts) {
		Processes.register(this);
		try {
			CompletableFuture
				.allOf(starts.entrySet()
					.stream()
					.map((start) -> CompletableFuture.runAsync(() -> timed(start.getKey(), start.getValue())))
					.toArray(CompletableFuture[]::new))
				.join();
		}
		catch (CompletionException ex) {
			close();
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	private static void timed(String name, Runnable start) {
		long began = System.nanoTime();
		start.run();
		System.out.printf("devstack: %s ready in %.1f s%n", name, (System.nanoTime() - began) / 1e9);
	}

	final MariaDbServer mysql() {
		return this.mysql;
	}

	public String jdbcUrl() {
		return this.mysql.jdbcUrl();
	}

	public String dbUser() {
		return MariaDbServer.USER;
	}

	public String dbPassword() {
		return MariaDbServer.PASSWORD;
	}

	/**
	 * The Kafka bootstrap servers.
	 * @return {@code 127.0.0.1:port[,127.0.0.1:port...]}
	 */
	public abstract String kafkaBootstrapServers();

	/**
	 * The connection settings as the services read them.
	 * @return {@code SPRING_DATASOURCE_*}, the Redis settings and
	 * {@code SPRING_KAFKA_BOOTSTRAP_SERVERS}
	 */
	public abstract Map<String, String> springEnvironment();

	/** Stops Kafka and Redis. */
	abstract void stopServers();

	/** Stops every server (Kafka first, then Redis and MariaDB); idempotent. */
	@Override
	public final void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		Processes.unregister(this);
		quietly(this::stopServers);
		quietly(this.mysql::stop);
		quietly(() -> {
			this.lock.release();
			this.lockChannel.close();
		});
	}

	static void quietly(ThrowingRunnable action) {
		try {
			action.run();
		}
		catch (Exception ex) {
			System.err.println("devstack: " + ex);
		}
	}

	@FunctionalInterface
	interface ThrowingRunnable {

		void run() throws Exception;

	}

}
