package dev.surge.systemtests;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * One generated request and the statuses it may get (429 is always allowed: the
 * attackers' own buckets run dry).
 */
record FuzzCase(String kind, String method, String path, byte[] body, boolean chunked, String[] headers,
		Set<Integer> expected) {

	String describe() {
		String text = (this.body == null) ? ""
				: new String(this.body, 0, Math.min(this.body.length, 200), StandardCharsets.UTF_8);
		return this.kind + " " + this.method + " " + abbreviate(this.path) + " " + text;
	}

	static String abbreviate(String text) {
		return (text.length() > 300) ? text.substring(0, 300) + "…" : text;
	}

}
