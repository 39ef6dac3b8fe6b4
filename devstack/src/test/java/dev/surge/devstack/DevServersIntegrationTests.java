package dev.surge.devstack;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Starts the real servers on free ports and proves each one works, and keeps working
 * (with its data) across a stop and a start.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DevServersIntegrationTests {

	private static DevServers servers;

	@BeforeAll
	static void startServers() {
		Path dataDir = Path.of("target", "devstack-it-data");
		Cleanup.delete(dataDir);
		servers = DevServers.start(DevServers.Options.random(dataDir));
	}

	@AfterAll
	static void stopServers() {
		if (servers != null) {
			servers.close();
		}
	}

	@Test
	@Order(1)
	void exposesTheSpringEnvironment() {
		assertThat(servers.springEnvironment()).containsOnlyKeys("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME",
				"SPRING_DATASOURCE_PASSWORD", "SPRING_DATA_REDIS_HOST", "SPRING_DATA_REDIS_PORT",
				"SPRING_KAFKA_BOOTSTRAP_SERVERS");
		assertThat(servers.jdbcUrl()).startsWith("jdbc:mysql://127.0.0.1:")
			.endsWith("/surge?useSSL=false&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true");
	}

	@Test
	@Order(2)
	void mysqlAcceptsTheSurgeUser() throws SQLException {
		try (Connection connection = DriverManager.getConnection(servers.jdbcUrl(), servers.dbUser(),
				servers.dbPassword()); Statement statement = connection.createStatement()) {
			assertThat(queryInt(statement, "SELECT 1")).isEqualTo(1);
			statement.execute("CREATE TABLE IF NOT EXISTS probe (id BIGINT PRIMARY KEY, v VARCHAR(20))");
			statement.execute("REPLACE INTO probe VALUES (1, 'kept')");
		}
	}

	@Test
	@Order(3)
	void redisSetsAndGets() {
		withRedis((redis) -> {
			redis.sync().set("devstack:probe", "kept");
			assertThat(redis.sync().get("devstack:probe")).isEqualTo("kept");
		});
	}

	@Test
	@Order(4)
	void kafkaProducesAndConsumes() throws Exception {
		String topic = "devstack-probe-" + UUID.randomUUID();
		produce(topic, "first");
		assertThat(consumeAll(topic)).containsExactly("first");
	}

	@Test
	@Order(5)
	void kafkaKeepsItsLogAcrossAKillAndAStart() throws Exception {
		String topic = "devstack-restart";
		produce(topic, "before");
		servers.stopKafka(true);
		assertThat(servers.isKafkaRunning()).isFalse();
		servers.startKafka();
		produce(topic, "after");
		assertThat(consumeAll(topic)).containsExactly("before", "after");
	}

	@Test
	@Order(6)
	void redisKeepsItsDataAcrossAStopAndAStart() {
		withRedis((redis) -> redis.sync().set("devstack:aof", "written"));
		servers.stopRedis();
		assertThat(servers.isRedisRunning()).isFalse();
		servers.startRedis();
		withRedis((redis) -> assertThat(redis.sync().get("devstack:aof")).isEqualTo("written"));
	}

	@Test
	@Order(7)
	void redisStartsEmptyAfterAWipe() {
		servers.wipeRedisData();
		withRedis((redis) -> assertThat(redis.sync().dbsize()).isZero());
	}

	@Test
	@Order(8)
	void mysqlKeepsItsDataAcrossAStopAndAStart() throws SQLException {
		servers.stopMysql();
		servers.startMysql();
		try (Connection connection = DriverManager.getConnection(servers.jdbcUrl(), servers.dbUser(),
				servers.dbPassword());
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT v FROM probe WHERE id = 1")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1)).isEqualTo("kept");
		}
	}

	private static int queryInt(Statement statement, String sql) throws SQLException {
		try (ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getInt(1);
		}
	}

	private static void withRedis(java.util.function.Consumer<StatefulRedisConnection<String, String>> action) {
		RedisClient client = RedisClient.create(RedisURI.create(servers.redisHost(), servers.redisPort()));
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			action.accept(connection);
		}
		finally {
			client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		}
	}

	private static void produce(String topic, String value) throws Exception {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers.kafkaBootstrapServers(),
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.MAX_BLOCK_MS_CONFIG, 20000);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
				new StringSerializer())) {
			producer.send(new ProducerRecord<>(topic, "k", value)).get();
		}
	}

	private static List<String> consumeAll(String topic) {
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers.kafkaBootstrapServers());
		config.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			List<String> values = new java.util.ArrayList<>();
			// a consumer is single-threaded: poll it on the test's own thread
			await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					values.add(record.value());
				}
				Set<TopicPartition> assigned = Set.copyOf(consumer.assignment());
				return !values.isEmpty() && !assigned.isEmpty()
						&& consumer.endOffsets(assigned)
							.entrySet()
							.stream()
							.allMatch((end) -> consumer.position(end.getKey()) >= end.getValue());
			});
			return values;
		}
	}

}
