package dev.surge.systemtests;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.Test;

import dev.surge.contracts.LuaScript;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LuaScript}, the one way the services run a script, against a real Redis: it runs
 * by SHA-1 and sends the script whole when Redis does not know it (here after
 * {@code SCRIPT FLUSH}, as after a restart), waiting or not. Then the order path, whose
 * every script went, still works.
 */
class LuaScriptIntegrationTests {

	private static final LuaScript ECHO = new LuaScript("return ARGV[1] .. redis.call('GET', KEYS[1])");

	@Test
	void aScriptRedisDoesNotKnowIsSentWholeOnceThenRunBySha() throws Exception {
		RedisCommands<String, String> redis = SurgeSystem.get().redis();
		redis.set("lua-script-test", "!");
		String[] keys = { "lua-script-test" };

		redis.scriptFlush();
		assertThat(redis.scriptExists(ECHO.sha1())).containsExactly(false);
		assertThat(ECHO.<String, String, String>run(redis, ScriptOutputType.VALUE, keys, "waited"))
			.isEqualTo("waited!");
		assertThat(redis.scriptExists(ECHO.sha1())).containsExactly(true);

		redis.scriptFlush();
		assertThat(ECHO
			.<String, String, String>run(redis.getStatefulConnection().async(), ScriptOutputType.VALUE, keys, "async")
			.toCompletableFuture()
			.get()).isEqualTo("async!");
		assertThat(ECHO.<String, String, String>run(redis, ScriptOutputType.VALUE, keys, "by sha"))
			.isEqualTo("by sha!");
	}

	@Test
	void theOrderPathWorksAfterRedisForgotEveryScript() {
		long product = Shop.product(10);
		SurgeSystem.get().redis().scriptFlush();

		long order = Lifecycle.place(Shop.customer(), product, 3);

		Stores.awaitStatus(order, "PENDING_PAYMENT");
		Stores.awaitDrained(product);
		assertThat(Stores.redisStock(product)).isEqualTo(7);
		SurgeSystem.CommandResult check = SurgeSystem.get().stockSync("check", "--product", Long.toString(product));
		assertThat(check.exitCode()).as(check.output()).isZero();
	}

}
