package dev.surge.consumer.product;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds a small catalogue when {@code surge.demo.enabled} is set and {@code products} is
 * empty. The ids are fixed (1..6, matching the frontend's images), so two consumers
 * starting together collide on the primary key and only one seeds. Redis is loaded
 * afterwards by {@code stock-sync load}.
 */
@Component
@ConditionalOnBooleanProperty("surge.demo.enabled")
record DemoCatalogue(JdbcTemplate jdbc, TransactionTemplate transactions,
		DetailsCache details) implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(DemoCatalogue.class);

	static final List<DemoProduct> PRODUCTS = List.of(new DemoProduct(1, "限量版手机 Flash Phone", 499_900, 100),
			new DemoProduct(2, "降噪耳机 Quiet Buds", 89_900, 1_000),
			new DemoProduct(3, "机械键盘 Click Keyboard", 59_900, 800),
			new DemoProduct(4, "智能手表 Pulse Watch", 129_900, 500), new DemoProduct(5, "便携充电宝 Power Bank", 19_900, 2_000),
			new DemoProduct(6, "精品咖啡豆 Coffee Beans", 12_800, 1_500));

	static final int WARNING_STOCK = 10;

	@Override
	public void run(ApplicationArguments args) {
		try {
			Boolean seeded = this.transactions.execute((status) -> seedIfEmpty());
			if (Boolean.TRUE.equals(seeded)) {
				logger.info("Seeded the demo catalogue: {} products", PRODUCTS.size());
				forgetCached();
			}
		}
		catch (DuplicateKeyException ex) {
			logger.info("Demo catalogue was seeded concurrently by another consumer");
		}
	}

	/**
	 * An API that answered before the seed may hold an empty catalogue or absent ids;
	 * without Redis they expire on their own, and the consumer still starts.
	 */
	private void forgetCached() {
		try {
			this.details.invalidate(PRODUCTS.stream().map(DemoProduct::id).toList());
		}
		catch (RuntimeException ex) {
			logger.warn("Could not invalidate cached product details after the seed: {}", ex.toString());
		}
	}

	private boolean seedIfEmpty() {
		Integer count = this.jdbc.queryForObject("SELECT COUNT(*) FROM products", Integer.class);
		if (count == null || count > 0) {
			return false;
		}
		this.jdbc.batchUpdate(
				"INSERT INTO products (id, name, image_url, price_cents, warning_stock) VALUES (?, ?, ?, ?, ?)",
				PRODUCTS.stream()
					.map((p) -> new Object[] { p.id(), p.name(), imageUrl(p), p.priceCents(), WARNING_STOCK })
					.toList());
		this.jdbc.batchUpdate("INSERT INTO product_stock (product_id, total, available) VALUES (?, ?, ?)",
				PRODUCTS.stream().map((p) -> new Object[] { p.id(), p.units(), p.units() }).toList());
		this.jdbc.batchUpdate("""
				INSERT INTO stock_log (product_id, change_type, delta_available, delta_total, operator, reason)
				VALUES (?, 'RESTOCK', ?, ?, 'system', 'demo catalogue')""",
				PRODUCTS.stream().map((p) -> new Object[] { p.id(), p.units(), p.units() }).toList());
		return true;
	}

	static String imageUrl(DemoProduct product) {
		return "/img/products/" + product.id() + ".svg";
	}

	record DemoProduct(long id, String name, long priceCents, long units) {

	}

}
