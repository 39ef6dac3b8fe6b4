package dev.surge.api.order;

import java.util.List;

import reactor.core.publisher.Mono;

import dev.surge.api.system.Blocking;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What became of an order whose publish Kafka did not confirm, as MySQL says: the
 * consumer wrote it, or abandoned its id (the sweeper gave its reservation back first,
 * and a late copy will be ignored), or neither yet.
 */
@Component
class OrderFates {

	enum Fate {

		PLACED, ABANDONED, UNDECIDED

	}

	private final NamedParameterJdbcTemplate jdbc;

	private final Blocking blocking;

	OrderFates(NamedParameterJdbcTemplate jdbc, Blocking blocking) {
		this.jdbc = jdbc;
		this.blocking = blocking;
	}

	Mono<Fate> of(long orderId) {
		return this.blocking.call(() -> {
			List<String> found = this.jdbc.queryForList("""
					SELECT 'PLACED' FROM orders WHERE id = :id
					UNION ALL SELECT 'ABANDONED' FROM abandoned_orders WHERE order_id = :id""",
					new MapSqlParameterSource("id", orderId), String.class);
			return found.isEmpty() ? Fate.UNDECIDED : Fate.valueOf(found.getFirst());
		});
	}

}
