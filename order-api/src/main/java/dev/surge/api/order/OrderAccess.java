package dev.surge.api.order;

import dev.surge.api.auth.CurrentUser;
import dev.surge.api.security.SecurityEvent;
import dev.surge.api.security.SecurityLog;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * Who may see and act on an order: its customer and admins. Anyone else gets the 404 of
 * an order that does not exist, so ids cannot be probed; unlike a missing order, the
 * attempt goes to the security log.
 */
@Component
class OrderAccess {

	private final SecurityLog log;

	OrderAccess(SecurityLog log) {
		this.log = log;
	}

	/**
	 * @param user who asks
	 * @param ownerId the customer of the order, which exists
	 * @param orderId the order
	 * @param request the request, for the log
	 * @return whether {@code user} may see or act on the order
	 */
	boolean permits(CurrentUser user, long ownerId, long orderId, ServerHttpRequest request) {
		if (user.isAdmin() || ownerId == user.id()) {
			return true;
		}
		this.log.record(SecurityEvent.of(request, user.username(), "ACCESS", "NOT_OWNER",
				"order " + orderId + " belongs to another customer"));
		return false;
	}

}
