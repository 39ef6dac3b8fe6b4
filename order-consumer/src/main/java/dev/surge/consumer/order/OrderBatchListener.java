package dev.surge.consumer.order;

import java.util.ArrayList;
import java.util.List;

import dev.surge.consumer.stock.ReservationSettlements;
import dev.surge.consumer.system.ChangeNotices;
import dev.surge.consumer.system.Failures;
import dev.surge.contracts.OrderEvent;
import dev.surge.contracts.Topics;
import io.micrometer.tracing.Span;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code orders.v1} in batches. The valid records before the first invalid one
 * are applied in one MySQL transaction, then their Redis reservations are settled and a
 * change notice goes out; the invalid record is then reported to the error handler (dead
 * letter). Offsets are committed only after this method returns, so a crash before that
 * redelivers the batch, which the intake recognises and only settles again.
 */
@Component
class OrderBatchListener {

	private static final Logger logger = LoggerFactory.getLogger(OrderBatchListener.class);

	private final OrderEventReader reader = new OrderEventReader();

	private final OrderIntake intake;

	private final ReservationSettlements settlements;

	private final ChangeNotices notices;

	private final OrderLifecycle lifecycle;

	private final OrderSpans spans;

	private final OrderMetrics metrics;

	OrderBatchListener(OrderIntake intake, ReservationSettlements settlements, ChangeNotices notices,
			OrderLifecycle lifecycle, OrderSpans spans, OrderMetrics metrics) {
		this.intake = intake;
		this.settlements = settlements;
		this.notices = notices;
		this.lifecycle = lifecycle;
		this.spans = spans;
		this.metrics = metrics;
	}

	/** Each record's work is a span of the trace its producer started. */
	@KafkaListener(id = "orders", idIsGroup = false, topics = Topics.ORDERS, batch = "true")
	void onBatch(List<ConsumerRecord<String, byte[]>> records) {
		List<Span> traced = this.spans.start(records);
		RuntimeException failure = null;
		try {
			apply(records);
		}
		catch (RuntimeException ex) {
			failure = ex;
			throw ex;
		}
		finally {
			this.spans.end(traced, failure);
		}
	}

	private void apply(List<ConsumerRecord<String, byte[]>> records) {
		List<Received> events = new ArrayList<>(records.size());
		InvalidOrderEventException invalid = null;
		for (ConsumerRecord<String, byte[]> record : records) {
			try {
				events.add(new Received(this.reader.read(record.key(), record.value()),
						new OrderCommand.Source(record.partition(), record.offset())));
			}
			catch (InvalidOrderEventException ex) {
				invalid = ex;
				break;
			}
		}
		process(events);
		if (invalid != null) {
			throw new BatchListenerFailedException(invalid.getMessage(), invalid, events.size());
		}
	}

	/**
	 * Applies the events as one batch. If that fails for a reason other than
	 * infrastructure, they are applied one at a time to find the record at fault, so only
	 * that one is dead-lettered.
	 */
	private void process(List<Received> events) {
		try {
			applyAndSettle(events);
		}
		catch (RuntimeException ex) {
			if (Failures.isInfrastructure(ex) || events.size() == 1) {
				throw new BatchListenerFailedException("Batch failed: " + ex.getMessage(), ex, 0);
			}
			logger.warn("Batch of {} failed, applying its records one by one: {}", events.size(), ex.toString());
			for (int i = 0; i < events.size(); i++) {
				try {
					applyAndSettle(List.of(events.get(i)));
				}
				catch (RuntimeException single) {
					throw new BatchListenerFailedException("Record failed: " + single.getMessage(), single, i);
				}
			}
		}
	}

	/**
	 * The intake of the whole batch first (a batch may hold an order and then a payment
	 * for it), then the commands in log order, one transaction each.
	 */
	private void applyAndSettle(List<Received> events) {
		List<OrderEvent> intakeEvents = new ArrayList<>();
		List<OrderCommand> commands = new ArrayList<>();
		for (Received received : events) {
			OrderCommand command = OrderCommand.of(received.event(), received.source());
			if (command != null) {
				commands.add(command);
			}
			else {
				intakeEvents.add(received.event());
			}
		}
		IntakeResult result = this.intake.apply(intakeEvents);
		this.metrics.intake(result.changes());
		this.settlements.settle(result.settlements());
		this.notices.stockChanged(result.stockChanged());
		this.notices.ordersChanged(result.changes());
		applyCommands(commands);
	}

	private void applyCommands(List<OrderCommand> commands) {
		Changes changes = new Changes();
		try {
			for (OrderCommand command : commands) {
				changes.add(this.lifecycle.apply(command));
			}
		}
		finally {
			changes.publish(this.notices);
		}
	}

	/**
	 * An event with where it was read.
	 *
	 * @param event the event
	 * @param source its partition and offset
	 */
	private record Received(OrderEvent event, OrderCommand.Source source) {

	}

}
