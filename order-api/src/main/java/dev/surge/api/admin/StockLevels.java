package dev.surge.api.admin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import dev.surge.api.system.Blocking;
import dev.surge.contracts.RedisKeys;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Stock of non-deleted products: MySQL's columns, then the Redis gate's units in one
 * MGET. Redis failing only leaves {@code sellable} empty.
 */
@Component
public class StockLevels {

	private static final Logger log = LoggerFactory.getLogger(StockLevels.class);

	private static final String SELECT = """
			SELECT p.id, p.name, p.image_url, p.price_cents, p.warning_stock,
			       s.total, s.available, s.locked, s.sold
			FROM products p JOIN product_stock s ON s.product_id = p.id
			WHERE p.deleted = FALSE""";

	private static final RowMapper<StockLevel> MAPPER = (rs, row) -> new StockLevel(rs.getLong("id"),
			rs.getString("name"), rs.getString("image_url"), rs.getLong("price_cents"), rs.getInt("warning_stock"),
			rs.getLong("total"), rs.getLong("available"), rs.getLong("locked"), rs.getLong("sold"), null);

	private final NamedParameterJdbcTemplate jdbc;

	private final ReactiveStringRedisTemplate redis;

	private final Blocking blocking;

	StockLevels(NamedParameterJdbcTemplate jdbc, ReactiveStringRedisTemplate redis, Blocking blocking) {
		this.jdbc = jdbc;
		this.redis = redis;
		this.blocking = blocking;
	}

	/** Every product, by id. */
	public Mono<List<StockLevel>> all() {
		return this.blocking.call(() -> this.jdbc.query(SELECT + " ORDER BY p.id", MAPPER)).flatMap(this::withSellable);
	}

	/** These products (deleted or unknown ones are left out), by id. */
	public Mono<List<StockLevel>> of(Collection<Long> productIds) {
		if (productIds.isEmpty()) {
			return Mono.just(List.of());
		}
		return this.blocking.call(() -> this.jdbc.query(SELECT + " AND p.id IN (:ids) ORDER BY p.id",
				new MapSqlParameterSource("ids", List.copyOf(productIds)), MAPPER))
			.flatMap(this::withSellable);
	}

	private Mono<List<StockLevel>> withSellable(List<StockLevel> levels) {
		if (levels.isEmpty()) {
			return Mono.just(levels);
		}
		List<String> keys = levels.stream().map((level) -> RedisKeys.stock(level.id())).toList();
		return this.redis.opsForValue().multiGet(keys).map((units) -> merge(levels, units)).onErrorResume((ex) -> {
			log.warn("Sellable stock not read from Redis: {}", ex.toString());
			return Mono.just(levels);
		}).defaultIfEmpty(levels);
	}

	static List<StockLevel> merge(List<StockLevel> levels, List<?> units) {
		List<StockLevel> merged = new ArrayList<>(levels.size());
		for (int i = 0; i < levels.size(); i++) {
			Object value = (i < units.size()) ? units.get(i) : null;
			merged.add(levels.get(i).withSellable(parse(value)));
		}
		return merged;
	}

	private static Long parse(Object value) {
		if (value == null) {
			return null;
		}
		try {
			return Long.parseLong(value.toString());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
