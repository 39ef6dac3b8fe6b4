package dev.surge.stocksync;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

/**
 * One Redis connection, to a single node or to a Redis Cluster, with the synchronous
 * commands both have. On a cluster every command and script is routed by its key's hash
 * tag, and {@code SCRIPT LOAD} reaches every master.
 */
public final class RedisSession implements AutoCloseable {

	private final AbstractRedisClient client;

	private final StatefulConnection<String, String> connection;

	private final RedisClusterCommands<String, String> commands;

	RedisSession(AbstractRedisClient client, StatefulConnection<String, String> connection,
			RedisClusterCommands<String, String> commands) {
		this.client = client;
		this.connection = connection;
		this.commands = commands;
	}

	public RedisClusterCommands<String, String> commands() {
		return this.commands;
	}

	@Override
	public void close() {
		try {
			this.connection.close();
		}
		finally {
			this.client.shutdown();
		}
	}

}
