package dev.surge.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

/**
 * A Lua script, run by its SHA-1 ({@code EVALSHA}) and sent whole ({@code EVAL}) only
 * when Redis does not know it: on first use, after a restart or a failover. The one way
 * the services and {@code stock-sync} run a script through Lettuce.
 */
public final class LuaScript {

	private final String source;

	private final String sha1;

	public LuaScript(String source) {
		this.source = source;
		try {
			this.sha1 = HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The script at a class path location, e.g. {@code scripts/reserve.lua}.
	 */
	public static LuaScript fromClasspath(String path) {
		try (InputStream in = LuaScript.class.getClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("Missing script " + path);
			}
			return new LuaScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String source() {
		return this.source;
	}

	public String sha1() {
		return this.sha1;
	}

	/** Runs the script without waiting. */
	@SafeVarargs
	public final <K, V, T> CompletionStage<T> run(RedisClusterAsyncCommands<K, V> redis, ScriptOutputType type,
			K[] keys, V... args) {
		return redis.<T>evalsha(this.sha1, type, keys, args)
			.exceptionallyCompose((ex) -> unknown(ex) ? redis.<T>eval(this.source, type, keys, args)
					: CompletableFuture.failedStage(ex));
	}

	/** Runs the script and waits for its answer. */
	@SafeVarargs
	public final <K, V, T> T run(RedisClusterCommands<K, V> redis, ScriptOutputType type, K[] keys, V... args) {
		try {
			return redis.evalsha(this.sha1, type, keys, args);
		}
		catch (RedisNoScriptException ex) {
			return redis.eval(this.source, type, keys, args);
		}
	}

	private static boolean unknown(Throwable ex) {
		Throwable cause = (ex instanceof CompletionException) ? ex.getCause() : ex;
		return cause instanceof RedisNoScriptException;
	}

}
