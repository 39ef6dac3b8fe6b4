package dev.surge.api.live;

import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last few hundred keys seen, for {@code distinct}: the consumer may announce one
 * low-stock crossing on both the alert and the change topic; it is shown once.
 */
final class RecentKeys extends AbstractSet<String> {

	private static final int CAPACITY = 256;

	private final Map<String, Boolean> keys = new LinkedHashMap<>(CAPACITY, 0.75f, false) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
			return size() > CAPACITY;
		}

	};

	@Override
	public boolean add(String key) {
		return this.keys.put(key, Boolean.TRUE) == null;
	}

	@Override
	public Iterator<String> iterator() {
		return this.keys.keySet().iterator();
	}

	@Override
	public int size() {
		return this.keys.size();
	}

}
