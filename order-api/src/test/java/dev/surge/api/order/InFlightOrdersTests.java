package dev.surge.api.order;

import java.time.Duration;

import io.lettuce.core.RedisLoadingException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class InFlightOrdersTests {

	private final OrderRedis redis = mock();

	private final InFlightOrders inFlight = new InFlightOrders(this.redis, JsonMapper.builder().build());

	/**
	 * After a Redis restart, commands meet {@code LOADING} until the data is in memory:
	 * the delete of a copy is tried again until it succeeds, and the caller does not
	 * wait.
	 */
	@Test
	void aFailedDeleteOfACopyIsTriedAgainUntilRedisAnswers() {
		given(this.redis.call(any())).willReturn(Mono.error(new RedisLoadingException("LOADING")),
				Mono.error(new RedisLoadingException("LOADING")), Mono.error(new RedisLoadingException("LOADING")),
				Mono.just(1L));

		assertThat(this.inFlight.forget(7).blockOptional(Duration.ofSeconds(1))).isEmpty();

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> verify(this.redis, times(4)).call(any()));
	}

}
