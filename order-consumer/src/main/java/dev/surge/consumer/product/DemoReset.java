package dev.surge.consumer.product;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.surge.consumer.product.DemoCatalogue.DemoProduct;
import dev.surge.consumer.stock.PendingReturn;
import dev.surge.consumer.stock.ReservationSettlements;
import dev.surge.consumer.stock.Settlement;
import dev.surge.consumer.stock.Stock;
import dev.surge.consumer.stock.StockReturns;
import dev.surge.consumer.system.ChangeNotices;
import dev.surge.contracts.DemoDataReset;
import dev.surge.contracts.DemoResetRequested;
import dev.surge.contracts.RedisKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seed 000's 重置库存: every order and its logs gone, every product's stock whole again, the
 * demo catalogue's details and units restored, and Redis agreeing with MySQL, also while
 * orders are still arriving. One MySQL transaction, under the row locks of every
 * product's stock (so no order can lock units meanwhile):
 * <ol>
 * <li>the reservations in Redis of orders MySQL already locked are claimed (their order
 * is about to go: a later release or expiry of it must not hand the units to Redis
 * again);
 * <li>the orders go, their ids kept as abandoned ({@link OrderBook#eraseAll()});
 * <li>the stock log goes, except the returns Redis is still owed;
 * <li>each product is made whole (ADJUST, logged with the operator and request id).
 * </ol>
 * Redis follows by the ADJUST deltas after the commit, like every other movement, so it
 * stays equal to available minus the reservations MySQL has not locked: an order accepted
 * before the reset and written after it locks its units from the whole stock. A deadlock
 * with an order's transaction rolls everything back and the record is retried.
 */
@Component
class DemoReset {

	private static final Logger logger = LoggerFactory.getLogger(DemoReset.class);

	static final String REASON = "demo reset";

	private final JdbcTemplate jdbc;

	private final Stock stock;

	private final StockReturns returns;

	private final ReservationSettlements reservations;

	private final OrderBook orders;

	private final StringRedisTemplate redis;

	private final DetailsCache details;

	private final ChangeNotices notices;

	DemoReset(JdbcTemplate jdbc, Stock stock, StockReturns returns, ReservationSettlements reservations,
			OrderBook orders, StringRedisTemplate redis, DetailsCache details, ChangeNotices notices) {
		this.jdbc = jdbc;
		this.stock = stock;
		this.returns = returns;
		this.reservations = reservations;
		this.orders = orders;
		this.redis = redis;
		this.details = details;
		this.notices = notices;
	}

	void apply(DemoResetRequested reset, TransactionTemplate transactions) {
		Map<Long, DemoProduct> catalogue = DemoCatalogue.PRODUCTS.stream()
			.collect(Collectors.toMap(DemoProduct::id, Function.identity()));
		List<Long> restored = List.copyOf(catalogue.keySet());
		if (this.stock.requestApplied(reset.requestId())) {
			logger.info("Skipped DemoResetRequested {}: applied before", reset.requestId());
			// a redelivery after the invalidation failed
			this.details.invalidate(restored);
			return;
		}
		List<PendingReturn> pending = new ArrayList<>();
		List<Long> products = new ArrayList<>();
		int erased = transactions.execute((status) -> {
			products.addAll(this.stock.lockAll());
			catalogue.values().forEach(this::restoreDetails);
			catalogue.keySet().stream().filter((id) -> !products.contains(id)).forEach(products::add);
			claimLocked(products);
			int deleted = this.orders.eraseAll();
			this.stock.eraseLog();
			for (long product : products) {
				DemoProduct demo = catalogue.get(product);
				PendingReturn change = this.stock.makeWhole(product, (demo != null) ? demo.units() : null,
						reset.requestId(), reset.operator(), REASON);
				if (change != null) {
					pending.add(change);
				}
			}
			return deleted;
		});
		logger.info("Demo data reset by {}: {} orders deleted, {} products made whole", reset.operator(), erased,
				products.size());
		this.returns.apply(pending);
		this.details.invalidate(restored);
		this.notices.productsChanged(restored);
		this.notices.stockChanged(products);
		this.notices.demoDataReset(new DemoDataReset(reset.operator(), reset.requestId()));
	}

	/**
	 * Claims the Redis reservations whose orders MySQL has locked: the orders the reset
	 * deletes. Before the commit, so that no release can come in between; should the
	 * transaction roll back, a claimed reservation of a locked order is the normal state.
	 */
	private void claimLocked(List<Long> products) {
		List<Settlement> claims = new ArrayList<>();
		for (long product : products) {
			List<Long> reserved = this.redis.<String, String>opsForHash()
				.keys(RedisKeys.reservations(product))
				.stream()
				.map(Long::valueOf)
				.toList();
			for (long order : this.stock.prelocked(product, reserved)) {
				claims.add(Settlement.claim(order, product));
			}
		}
		this.reservations.settle(claims);
	}

	private void restoreDetails(DemoProduct product) {
		int rows = this.jdbc.update("""
				UPDATE products SET name = ?, image_url = ?, price_cents = ?, warning_stock = ?, deleted = FALSE,
				       updated_at = CURRENT_TIMESTAMP(3)
				WHERE id = ?""", product.name(), DemoCatalogue.imageUrl(product), product.priceCents(),
				DemoCatalogue.WARNING_STOCK, product.id());
		if (rows == 0) {
			this.jdbc.update(
					"INSERT INTO products (id, name, image_url, price_cents, warning_stock) VALUES (?, ?, ?, ?, ?)",
					product.id(), product.name(), DemoCatalogue.imageUrl(product), product.priceCents(),
					DemoCatalogue.WARNING_STOCK);
		}
	}

}
