package dev.surge.stocksync.dlt;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import dev.surge.contracts.StorePasswords;
import dev.surge.contracts.Topics;
import dev.surge.stocksync.ConnectionOptions;
import dev.surge.stocksync.RedisSession;
import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code stock-sync dlt list|replay}: the dead letters of {@code orders.v1}.
 */
@Command(name = "dlt", mixinStandardHelpOptions = true,
		description = { "Dead letters of orders.v1 (records the consumer could not apply, with the exception headers).",
				"list shows them; replay resubmits them to their original topic, each at most once." },
		subcommands = { DltCommand.ListLetters.class, DltCommand.Replay.class })
public final class DltCommand implements Runnable {

	/** Header on a replayed record: the dead letter it came from. */
	static final String REPLAYED_FROM = "surge-replayed-from";

	private static final Duration MARKER_TTL = Duration.ofDays(30);

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		throw new CommandLine.ParameterException(this.spec.commandLine(), "Missing command: list or replay");
	}

	/** Marks the dead letter replayed; false when it already was. */
	static boolean markReplayed(RedisClusterCommands<String, String> redis, String topic, DeadLetter letter) {
		return "OK".equals(redis.set(marker(topic, letter), Instant.now().toString(),
				SetArgs.Builder.nx().ex(MARKER_TTL.toSeconds())));
	}

	static boolean replayed(RedisClusterCommands<String, String> redis, String topic, DeadLetter letter) {
		return redis.exists(marker(topic, letter)) > 0;
	}

	private static String marker(String topic, DeadLetter letter) {
		return "dlt:replayed:" + topic + ":" + letter.id();
	}

	/** What every dlt command reads: the stores, Kafka and the dead-letter topic. */
	static final class Letters {

		@Mixin
		ConnectionOptions connection;

		@Mixin
		KafkaOptions kafka;

		@Option(names = "--topic", defaultValue = Topics.ORDERS_DLT,
				description = "Dead-letter topic (default: ${DEFAULT-VALUE}).")
		String topic;

		/** Every dead letter of the topic, once the Redis password is known. */
		List<DeadLetter> readAll() {
			this.connection.requirePasswords(List.of(StorePasswords.REDIS));
			return this.kafka.readAll(this.topic).stream().map((record) -> DeadLetter.of(this.topic, record)).toList();
		}

	}

	@Command(name = "list", mixinStandardHelpOptions = true, description = "Shows every dead letter.")
	static final class ListLetters implements Callable<Integer> {

		private static final String FORMAT = "%-10s %-24s %-20s %-20s %-22s %-8s %s%n";

		@Mixin
		Letters source;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() {
			PrintWriter out = this.spec.commandLine().getOut();
			List<DeadLetter> letters = this.source.readAll();
			try (RedisSession redis = this.source.connection.openRedis()) {
				out.printf(FORMAT, "id", "dead-lettered", "key", "type", "from", "replayed", "exception");
				for (DeadLetter letter : letters) {
					out.printf(FORMAT, letter.id(), Instant.ofEpochMilli(letter.timestamp()), letter.key(),
							letter.type(),
							letter.originalTopic() + "-" + letter.originalPartition() + "@" + letter.originalOffset(),
							replayed(redis.commands(), this.source.topic, letter) ? "yes" : "no",
							letter.exception() + ": " + letter.message().lines().findFirst().orElse(""));
				}
			}
			out.printf("%d dead letters in %s%n", letters.size(), this.source.topic);
			out.flush();
			return 0;
		}

	}

	@Command(name = "replay", mixinStandardHelpOptions = true,
			description = { "Resubmits dead letters to their original topic, same key and value.",
					"Each dead letter is replayed at most once (a marker in Redis), so running it again is safe;",
					"the consumer applies each order event idempotently." })
	static final class Replay implements Callable<Integer> {

		@Mixin
		Letters source;

		@Option(names = "--id", paramLabel = "PARTITION:OFFSET",
				description = "Only these dead letters (as `dlt list` shows them); default all.")
		List<String> ids = new ArrayList<>();

		@Option(names = "--force", description = "Replay even dead letters replayed before.")
		boolean force;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() throws Exception {
			PrintWriter out = this.spec.commandLine().getOut();
			List<DeadLetter> letters = this.source.readAll()
				.stream()
				.filter((letter) -> this.ids.isEmpty() || this.ids.contains(letter.id()))
				.toList();
			List<String> missing = new ArrayList<>(this.ids);
			letters.forEach((letter) -> missing.remove(letter.id()));
			if (!missing.isEmpty()) {
				throw new IllegalArgumentException(
						"No dead letter " + String.join(", ", missing) + " in " + this.source.topic);
			}
			int replayed = 0;
			int skipped = 0;
			try (RedisSession redis = this.source.connection.openRedis();
					KafkaProducer<String, byte[]> producer = this.source.kafka.producer()) {
				for (DeadLetter letter : letters) {
					if (!markReplayed(redis.commands(), this.source.topic, letter) && !this.force) {
						skipped++;
						out.printf("%s: replayed before, skipped%n", letter.id());
						continue;
					}
					try {
						send(producer, letter);
					}
					catch (Exception ex) {
						redis.commands().del(marker(this.source.topic, letter));
						throw ex;
					}
					replayed++;
					out.printf("%s: %s of %s replayed to %s%n", letter.id(), letter.type(), letter.key(),
							letter.originalTopic());
				}
			}
			out.printf("replayed %d, skipped %d%n", replayed, skipped);
			out.flush();
			return 0;
		}

		private void send(KafkaProducer<String, byte[]> producer, DeadLetter letter) throws Exception {
			ProducerRecord<String, byte[]> record = new ProducerRecord<>(letter.originalTopic(), letter.key(),
					letter.value());
			record.headers()
				.add(new RecordHeader(REPLAYED_FROM,
						(this.source.topic + ":" + letter.id()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
			producer.send(record).get(30, TimeUnit.SECONDS);
		}

	}

}
