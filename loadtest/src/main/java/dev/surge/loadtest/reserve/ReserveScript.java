package dev.surge.loadtest.reserve;

import java.util.List;

import reactor.core.publisher.Mono;

import dev.surge.contracts.RedisKeys;
import dev.surge.contracts.Scripts;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The production reservation script ({@link Scripts#RESERVE}) through Lettuce, for one
 * line.
 */
public final class ReserveScript {

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> RESERVE = RedisScript.of(Scripts.RESERVE.source(), List.class);

	private ReserveScript() {
	}

	/**
	 * Reserves the line's units under the order id, now.
	 * @param redis the template to run the script with
	 * @param orderId the id the reservation is taken under
	 * @param line what to reserve
	 * @return reserve.lua's return code
	 */
	public static Mono<Long> reserve(ReactiveStringRedisTemplate redis, long orderId, Line line) {
		return redis
			.execute(RESERVE, List.of(RedisKeys.stock(line.productId()), RedisKeys.reservations(line.productId())),
					List.of(Long.toString(orderId), Integer.toString(line.quantity()),
							Long.toString(System.currentTimeMillis())))
			.cast(Object.class)
			.collectList()
			.map(ReserveScript::code);
	}

	private static long code(List<Object> answer) {
		List<?> reply = (answer.size() == 1 && answer.get(0) instanceof List<?> nested) ? nested : answer;
		return ((Number) reply.get(0)).longValue();
	}

}
