package dev.surge.loadtest.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

import dev.surge.contracts.OrderPlaced;
import dev.surge.devstack.ServiceProcess;

/**
 * Step 3: the consumer draining a pre-filled backlog, on the hot product and spread over
 * the products, against a plain JDBC writer of the same rows; both measured by MySQL's
 * clock. Each backlog's orders belong to a user of their own.
 *
 * @param options the benchmark's options
 * @param services starts the consumer again
 * @param db MySQL, for the plain writer and the write rates
 * @param backlog fills and watches the backlogs
 * @param results where the drain rates go
 */
record DrainRuns(Options options, Services services, Db db, Backlog backlog, Results results) {

	/**
	 * Stops the consumer before each backlog, starts it again on it.
	 * @return the consumer running at the end
	 */
	ServiceProcess measure(ServiceProcess consumer, String redisUri) {
		long hot = this.options.products + 1;
		ServiceProcess running = consumer;
		RedisClient redisClient = RedisClient.create(redisUri);
		long consumerUser = 900_000_000L;
		try (StatefulRedisConnection<String, String> redis = redisClient.connect()) {
			for (Shape shape : List.of(new Shape("hot product", hot, 1),
					new Shape(this.options.products + " products", 1, this.options.products))) {
				Progress.log("3. consumer, " + shape.name + ": stopping it and pre-filling " + this.options.backlog
						+ " orders");
				running.stop();
				List<OrderPlaced> orders = this.backlog.orders(this.options.backlog, shape.first, shape.products,
						consumerUser);
				Backlog.reserve(redis, orders);
				this.backlog.publish(orders);
				long start = System.nanoTime();
				AtomicReference<Double> rate = new AtomicReference<>(Double.NaN);
				Thread watcher = Thread.ofPlatform()
					.start(() -> rate.set(this.backlog.drainRate(this.options.backlog, Duration.ofMinutes(5))));
				running = this.services.startConsumer();
				join(watcher);
				double consumerRate = writeRate(consumerUser);
				Progress.log("   consumer drained at " + Math.round(consumerRate) + "/s by MySQL's clock ("
						+ Math.round(rate.get()) + "/s by the group's lag; "
						+ Math.round((System.nanoTime() - start) / 1e9) + " s with its start)");
				double writerRate = plainWriter(redis, shape, consumerUser + 1);
				this.results.drains.add(new Results.Drain(shape.name, consumerRate, writerRate));
				consumerUser += 2;
			}
		}
		finally {
			redisClient.shutdown();
		}
		return running;
	}

	/** The same rows by the plain writer, their units then taken off the gate. */
	private double plainWriter(StatefulRedisConnection<String, String> redis, Shape shape, long userId) {
		Progress.log("   plain JDBC writer, same rows, " + this.options.writers + " writers");
		List<OrderPlaced> same = this.backlog.orders(this.options.backlog, shape.first, shape.products, userId);
		double wallRate = new PlainWriter(this.db, this.options.writers, 500).write(same);
		double writerRate = writeRate(userId);
		Backlog.takeFromGate(redis, same);
		Progress.log("   plain writer at " + Math.round(writerRate) + "/s by MySQL's clock (" + Math.round(wallRate)
				+ "/s wall)");
		return writerRate;
	}

	/**
	 * Orders per second of one user's orders by MySQL's clock: rows over the time between
	 * the first and the last {@code order_status_log} row. The same measure for the
	 * consumer and the plain writer; start-up and polling do not count.
	 */
	private double writeRate(long userId) {
		String sql = "SELECT COUNT(*), TIMESTAMPDIFF(MICROSECOND, MIN(l.at), MAX(l.at)) "
				+ "FROM order_status_log l JOIN orders o ON o.id = l.order_id WHERE o.user_id = ?";
		try (Connection connection = this.db.connect(); PreparedStatement select = connection.prepareStatement(sql)) {
			select.setLong(1, userId);
			try (var rows = select.executeQuery()) {
				rows.next();
				return rows.getLong(1) / (Math.max(1, rows.getLong(2)) / 1e6);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Reading the write rate failed: " + ex.getMessage(), ex);
		}
	}

	private static void join(Thread thread) {
		try {
			thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * How a backlog's orders spread over products.
	 *
	 * @param name for the table
	 * @param first first product id
	 * @param products how many
	 */
	private record Shape(String name, long first, int products) {

	}

}
