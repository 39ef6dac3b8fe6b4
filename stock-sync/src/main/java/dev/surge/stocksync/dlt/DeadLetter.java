package dev.surge.stocksync.dlt;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;

/**
 * One record of a dead-letter topic with what Spring Kafka's
 * {@code DeadLetterPublishingRecoverer} said about it in its headers.
 *
 * @param id {@code <partition>:<offset>} in the dead-letter topic
 * @param timestamp when it was dead-lettered (epoch millis)
 * @param key the original key (the order id)
 * @param value the original value
 * @param originalTopic where it came from
 * @param originalPartition its partition there, -1 if unknown
 * @param originalOffset its offset there, -1 if unknown
 * @param exception the failure's class
 * @param message the failure's message
 */
record DeadLetter(String id, long timestamp, @Nullable String key, byte @Nullable [] value, String originalTopic,
		int originalPartition, long originalOffset, String exception, String message) {

	static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";

	static final String ORIGINAL_PARTITION = "kafka_dlt-original-partition";

	static final String ORIGINAL_OFFSET = "kafka_dlt-original-offset";

	static final String EXCEPTION = "kafka_dlt-exception-fqcn";

	static final String CAUSE = "kafka_dlt-exception-cause-fqcn";

	static final String MESSAGE = "kafka_dlt-exception-message";

	private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]+)\"");

	static DeadLetter of(String topic, ConsumerRecord<String, byte[]> record) {
		String exception = text(record, CAUSE);
		if (exception == null) {
			exception = text(record, EXCEPTION);
		}
		String original = text(record, ORIGINAL_TOPIC);
		return new DeadLetter(record.partition() + ":" + record.offset(), record.timestamp(), record.key(),
				record.value(), (original != null) ? original : topic.replaceFirst("-dlt$", ""),
				(int) number(record, ORIGINAL_PARTITION, 4), number(record, ORIGINAL_OFFSET, 8),
				(exception != null) ? exception : "?", orEmpty(text(record, MESSAGE)));
	}

	/** The event type named in the JSON value, or {@code ?}. */
	String type() {
		if (this.value == null) {
			return "(null)";
		}
		Matcher matcher = TYPE.matcher(new String(this.value, StandardCharsets.UTF_8));
		return matcher.find() ? matcher.group(1) : "?";
	}

	private static String orEmpty(@Nullable String text) {
		return (text != null) ? text : "";
	}

	private static @Nullable String text(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null && header.value() != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	/** Spring Kafka writes partition (int) and offset (long) as big-endian binaries. */
	private static long number(ConsumerRecord<?, ?> record, String name, int size) {
		Header header = record.headers().lastHeader(name);
		if (header == null || header.value() == null || header.value().length != size) {
			return -1;
		}
		long value = 0;
		for (byte b : header.value()) {
			value = (value << 8) | (b & 0xff);
		}
		return (size == 4) ? (int) value : value;
	}

}
