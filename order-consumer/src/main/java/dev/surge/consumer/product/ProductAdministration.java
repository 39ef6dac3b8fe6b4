package dev.surge.consumer.product;

import java.util.ArrayList;
import java.util.List;

import dev.surge.consumer.stock.PendingReturn;
import dev.surge.consumer.stock.Stock;
import dev.surge.consumer.stock.StockReturns;
import dev.surge.consumer.system.ChangeNotices;
import dev.surge.consumer.system.Transactions;
import dev.surge.contracts.DemoResetRequested;
import dev.surge.contracts.ProductDeleted;
import dev.surge.contracts.ProductEvent;
import dev.surge.contracts.ProductUpdated;
import dev.surge.contracts.RedisKeys;
import dev.surge.contracts.StockRestocked;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies the commands of {@code products.v1}. Each is idempotent: an update sets values,
 * a delete sets a flag, a restock and a demo reset ({@link DemoReset}) apply once per
 * request id. Units given back to sale reach Redis after the commit through
 * {@link StockReturns}. A command that changed product details invalidates the API's
 * cached details after its commit and before its change notice ({@link DetailsCache}); a
 * failed invalidation fails the record, whose redelivery invalidates again. A restock
 * changes no detail (stock is not cached).
 */
@Service
class ProductAdministration {

	private static final Logger logger = LoggerFactory.getLogger(ProductAdministration.class);

	private final JdbcTemplate jdbc;

	private final Stock stock;

	private final StockReturns returns;

	private final OrderBook orders;

	private final ChangeNotices notices;

	private final TransactionTemplate transactions;

	private final boolean demoEnabled;

	private final StringRedisTemplate redis;

	private final DetailsCache details;

	private final DemoReset demoReset;

	ProductAdministration(JdbcTemplate jdbc, Stock stock, StockReturns returns, OrderBook orders, ChangeNotices notices,
			PlatformTransactionManager transactionManager, @Value("${surge.demo.enabled:false}") boolean demoEnabled,
			StringRedisTemplate redis, DetailsCache details, DemoReset demoReset) {
		this.demoReset = demoReset;
		this.redis = redis;
		this.details = details;
		this.jdbc = jdbc;
		this.stock = stock;
		this.returns = returns;
		this.orders = orders;
		this.notices = notices;
		this.transactions = Transactions.readCommitted(transactionManager);
		this.demoEnabled = demoEnabled;
	}

	void apply(ProductEvent event) {
		switch (event) {
			case ProductUpdated updated -> update(updated);
			case ProductDeleted deleted -> delete(deleted);
			case StockRestocked restocked -> restock(restocked);
			case DemoResetRequested reset -> {
				if (this.demoEnabled) {
					this.demoReset.apply(reset, this.transactions);
				}
				else {
					logger.warn("Ignored DemoResetRequested by {}: surge.demo.enabled is false", reset.operator());
				}
			}
		}
	}

	private void update(ProductUpdated updated) {
		int rows = this.jdbc.update("""
				UPDATE products SET name = ?, image_url = ?, price_cents = ?, warning_stock = ?,
				       updated_at = CURRENT_TIMESTAMP(3)
				WHERE id = ? AND deleted = FALSE""", updated.name(), updated.imageUrl(), updated.priceCents(),
				updated.warningStock(), updated.productId());
		if (rows == 0) {
			logger.warn("Ignored ProductUpdated of product {} by {}: unknown or deleted", updated.productId(),
					updated.operator());
			return;
		}
		logger.info("Product {} updated by {}", updated.productId(), updated.operator());
		// before the notice: a client that reloads on it must not find the old details
		this.details.invalidate(List.of(updated.productId()));
		this.notices.productsChanged(List.of(updated.productId()));
	}

	/**
	 * Soft delete, refused while an open order references the product. The stock row is
	 * locked first, so an intake committing an order for it at the same time is seen.
	 * Then the gate's stock key goes, so the API stops selling it (a redelivery deletes
	 * it again).
	 */
	private void delete(ProductDeleted deleted) {
		Boolean refused = this.transactions.execute((status) -> {
			this.jdbc.queryForList("SELECT product_id FROM product_stock WHERE product_id = ? FOR UPDATE", Long.class,
					deleted.productId());
			if (this.orders.hasOpenOrders(deleted.productId())) {
				logger.warn("Ignored ProductDeleted of product {} by {}: open orders reference it", deleted.productId(),
						deleted.operator());
				return true;
			}
			this.jdbc.update("""
					UPDATE products SET deleted = TRUE, updated_at = CURRENT_TIMESTAMP(3)
					WHERE id = ? AND deleted = FALSE""", deleted.productId());
			return false;
		});
		if (Boolean.FALSE.equals(refused)) {
			this.redis.delete(RedisKeys.stock(deleted.productId()));
			this.details.invalidate(List.of(deleted.productId()));
			logger.info("Product {} deleted by {}", deleted.productId(), deleted.operator());
			this.notices.productsChanged(List.of(deleted.productId()));
		}
	}

	private void restock(StockRestocked restocked) {
		List<PendingReturn> pending = new ArrayList<>();
		this.transactions.executeWithoutResult((status) -> {
			List<Boolean> deleted = this.jdbc.queryForList("SELECT deleted FROM products WHERE id = ?", Boolean.class,
					restocked.productId());
			if (deleted.isEmpty() || deleted.getFirst()) {
				logger.warn("Ignored StockRestocked of product {} by {}: unknown or deleted", restocked.productId(),
						restocked.operator());
				return;
			}
			PendingReturn restock = this.stock.restock(restocked.productId(), restocked.quantity(),
					restocked.requestId(), restocked.operator(), restocked.reason());
			if (restock == null) {
				logger.info("Skipped StockRestocked {}: applied before", restocked.requestId());
				return;
			}
			pending.add(restock);
		});
		if (!pending.isEmpty()) {
			logger.info("Product {} restocked by {}: +{}", restocked.productId(), restocked.operator(),
					restocked.quantity());
			this.returns.apply(pending);
			this.notices.stockChanged(List.of(restocked.productId()));
		}
	}

}
