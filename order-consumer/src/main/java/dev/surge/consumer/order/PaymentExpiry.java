package dev.surge.consumer.order;

import java.time.Clock;
import java.util.List;

import dev.surge.consumer.system.ChangeNotices;
import dev.surge.contracts.OrderAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Cancels PENDING_PAYMENT orders whose payment deadline passed (PAYMENT_TIMEOUT), so
 * unpaid orders never hold stock forever. Each order goes through the same guarded
 * transition as a command, in its own transaction: with two consumers running the sweep,
 * or a cancel racing it, exactly one of them moves the order and releases its stock; the
 * other finds the status changed and does nothing.
 */
@Component
record PaymentExpiry(Orders orders, OrderLifecycle lifecycle, ChangeNotices notices) {

	private static final Logger logger = LoggerFactory.getLogger(PaymentExpiry.class);

	private static final int BATCH = 500;

	private static final Clock CLOCK = Clock.systemUTC();

	@Scheduled(fixedDelayString = "${surge.orders.expiry-sweep-interval:PT5S}",
			initialDelayString = "${surge.orders.expiry-sweep-interval:PT5S}")
	void sweep() {
		try {
			List<Long> expired = this.orders.expired(CLOCK.instant(), BATCH);
			if (expired.isEmpty()) {
				return;
			}
			Changes changes = new Changes();
			try {
				for (long orderId : expired) {
					changes.add(this.lifecycle
						.apply(OrderCommand.system(orderId, OrderAction.EXPIRE, OrderCommand.SYSTEM, null)));
				}
			}
			finally {
				changes.publish(this.notices);
			}
			logger.info("Payment timeout: {} orders past their deadline", expired.size());
		}
		catch (RuntimeException ex) {
			logger.warn("Payment expiry sweep failed, next run retries: {}", ex.toString());
		}
	}

}
