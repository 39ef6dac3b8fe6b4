package dev.surge.api.live;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Product ids waiting to be re-read: however many notices name a product between two
 * drains, it is read once. Safe for one thread adding while another drains: an id added
 * during a drain is either taken now or left for the next one.
 */
final class Coalescer {

	private final Set<Long> pending = ConcurrentHashMap.newKeySet();

	void add(Collection<Long> productIds) {
		this.pending.addAll(productIds);
	}

	List<Long> drain() {
		List<Long> drained = new ArrayList<>();
		for (Iterator<Long> ids = this.pending.iterator(); ids.hasNext();) {
			drained.add(ids.next());
			ids.remove();
		}
		drained.sort(null);
		return drained;
	}

}
