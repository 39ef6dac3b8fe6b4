package dev.surge.consumer.product;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The catalogue as the consumer needs it: prices of products that may be sold.
 */
@Repository
public class Products {

	private final NamedParameterJdbcTemplate jdbc;

	Products(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Unit prices in cents of the products that exist and are not deleted. */
	public Map<Long, Long> prices(Collection<Long> productIds) {
		Map<Long, Long> prices = new HashMap<>();
		if (!productIds.isEmpty()) {
			this.jdbc.query("SELECT id, price_cents FROM products WHERE id IN (:ids) AND deleted = FALSE",
					Map.of("ids", productIds), (row) -> {
						prices.put(row.getLong(1), row.getLong(2));
					});
		}
		return prices;
	}

}
