package dev.surge.api.admin;

import java.util.List;

/**
 * One page of a list, newest first.
 *
 * @param content the rows
 * @param page page number from 0
 * @param size page size asked for
 * @param totalElements rows in all pages
 * @param <T> row type
 */
record Page<T>(List<T> content, int page, int size, long totalElements) {

	Page {
		content = List.copyOf(content);
	}

}
