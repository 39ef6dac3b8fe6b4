package dev.surge.consumer.stock;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

class StockReturnsTests {

	private final StringRedisTemplate redis = mock();

	private final JdbcTemplate jdbc = mock();

	private final StockReturns returns = new StockReturns(this.redis, this.jdbc);

	@Test
	void mapsTheScriptsCodes() {
		assertThat(ReturnResult.of(1L)).isEqualTo(ReturnResult.APPLIED);
		assertThat(ReturnResult.of(0L)).isEqualTo(ReturnResult.ALREADY_APPLIED);
		assertThat(ReturnResult.of(-1L)).isEqualTo(ReturnResult.NOT_LOADED);
		assertThat(ReturnResult.of(7L)).isEqualTo(ReturnResult.FAILED);
		assertThat(ReturnResult.of(null)).isEqualTo(ReturnResult.FAILED);
	}

	@Test
	void marksAppliedWhatRedisTookNowTookBeforeOrDoesNotHold() {
		for (ReturnResult result : ReturnResult.values()) {
			assertThat(result.markApplied()).as(result.name()).isEqualTo(result != ReturnResult.FAILED);
		}
	}

	@Test
	void marksEveryRowAppliedOnceRedisAnswered() {
		given(this.redis.execute(any(RedisScript.class), any(List.class), anyString(), anyString())).willReturn(1L, 0L,
				-1L);

		this.returns.apply(List.of(release(1, 10), release(2, 11), restock(3, 12)));

		assertThat(markedIds()).containsExactly(1L, 2L, 3L);
	}

	@Test
	void usesAMarkerPerOrderOrPerLogRowAndTheMySqlDelta() {
		given(this.redis.execute(any(RedisScript.class), any(List.class), anyString(), anyString())).willReturn(1L);

		this.returns.apply(List.of(release(1, 10), restock(3, 12)));

		verify(this.redis).execute(any(RedisScript.class), eq(List.of("stock:{p10}", "rel:{p10}:77:RELEASE")), eq("2"),
				eq(Long.toString(StockReturns.MARKER_TTL.toSeconds())));
		verify(this.redis).execute(any(RedisScript.class), eq(List.of("stock:{p12}", "rel:{p12}:log3:RESTOCK")),
				eq("5"), anyString());
	}

	@Test
	void leavesTheRowsPendingFromTheFirstRedisFailure() {
		given(this.redis.execute(any(RedisScript.class), any(List.class), anyString(), anyString())).willReturn(1L)
			.willThrow(new RedisConnectionFailureException("down"));

		this.returns.apply(List.of(release(1, 10), release(2, 11), release(4, 13)));

		assertThat(markedIds()).containsExactly(1L);
	}

	@Test
	void marksAZeroAdjustmentWithoutAskingRedis() {
		this.returns.apply(List.of(new PendingReturn(5, 10, null, "ADJUST", 0)));

		verify(this.redis, never()).execute(any(RedisScript.class), any(List.class), anyString(), anyString());
		assertThat(markedIds()).containsExactly(5L);
	}

	@Test
	void marksNothingWhenRedisFailsAtOnce() {
		given(this.redis.execute(any(RedisScript.class), any(List.class), anyString(), anyString()))
			.willThrow(new RedisConnectionFailureException("down"));

		this.returns.apply(List.of(release(1, 10)));

		verify(this.jdbc, never()).update(anyString(), any(Object[].class));
		verify(this.jdbc, never()).update(anyString(), any(Object.class));
	}

	private List<Object> markedIds() {
		ArgumentCaptor<Object[]> ids = ArgumentCaptor.forClass(Object[].class);
		ArgumentCaptor<String> sql = ArgumentCaptor.forClass(String.class);
		verify(this.jdbc).update(sql.capture(), ids.capture());
		assertThat(sql.getValue()).startsWith("UPDATE stock_log SET redis_applied = TRUE WHERE id IN (");
		return List.of(ids.getValue());
	}

	private static PendingReturn release(long logId, long productId) {
		return new PendingReturn(logId, productId, 77L, "RELEASE", 2);
	}

	private static PendingReturn restock(long logId, long productId) {
		return new PendingReturn(logId, productId, null, "RESTOCK", 5);
	}

}
