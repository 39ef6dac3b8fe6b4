package dev.surge.systemtests;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.lettuce.core.api.sync.RedisCommands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the stores hold: MySQL (CHECKSUM TABLE of every table but the security log) and
 * Redis (every key but the rate-limit buckets and the product caches, by value), to prove
 * that a run changed nothing.
 */
record StoreSnapshot(Map<String, Long> tables, Map<String, String> keys, Set<String> expiring) {

	static StoreSnapshot settled() {
		StoreSnapshot[] last = { take() };
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
			StoreSnapshot now = take();
			boolean same = now.tables().equals(last[0].tables()) && now.keys().equals(last[0].keys());
			last[0] = now;
			return same;
		});
		return last[0];
	}

	static StoreSnapshot take() {
		Map<String, Long> tables = new TreeMap<>();
		try (Connection db = SurgeSystem.get().mysql(); Statement statement = db.createStatement()) {
			List<String> names = new ArrayList<>();
			try (ResultSet rs = statement.executeQuery("SHOW TABLES")) {
				while (rs.next()) {
					names.add(rs.getString(1));
				}
			}
			for (String name : names) {
				if (name.equalsIgnoreCase("security_log")) {
					continue;
				}
				try (ResultSet rs = statement.executeQuery("CHECKSUM TABLE `" + name + "`")) {
					rs.next();
					tables.put(name, rs.getLong(2));
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		RedisCommands<String, String> redis = SurgeSystem.get().redis();
		Map<String, String> keys = new TreeMap<>();
		Set<String> expiring = new java.util.TreeSet<>();
		for (String key : redis.keys("*")) {
			// rate-limit buckets, and the product details cache that reads fill
			if (key.startsWith("ratelimit:") || key.startsWith("product:") || key.startsWith("products:")) {
				continue;
			}
			keys.put(key, redis.type(key) + ":" + valueOf(redis, key));
			if (redis.ttl(key) > 0) {
				expiring.add(key);
			}
		}
		return new StoreSnapshot(tables, keys, expiring);
	}

	private static String valueOf(RedisCommands<String, String> redis, String key) {
		return switch (redis.type(key)) {
			case "string" -> redis.get(key);
			case "hash" -> new TreeMap<>(redis.hgetall(key)).toString();
			case "set" -> new java.util.TreeSet<>(redis.smembers(key)).toString();
			case "zset" -> redis.zrangeWithScores(key, 0, -1).toString();
			case "list" -> redis.lrange(key, 0, -1).toString();
			default -> "";
		};
	}

	void assertUnchangedIn(StoreSnapshot after) {
		assertThat(after.tables()).as("MySQL tables (checksums) after the fuzz run").isEqualTo(this.tables);
		Map<String, String> expected = new HashMap<>(this.keys);
		Map<String, String> actual = new HashMap<>(after.keys());
		// a key with a TTL may have expired on its own during the run
		this.expiring.forEach((key) -> {
			if (!actual.containsKey(key)) {
				expected.remove(key);
			}
		});
		assertThat(new TreeMap<>(actual)).as("Redis keys after the fuzz run").isEqualTo(new TreeMap<>(expected));
	}

}
