package dev.surge.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Deletes data dirs, logs and temporary files: the one recursive delete of devstack, its
 * runs and the tests.
 */
public final class Cleanup {

	private Cleanup() {
	}

	/**
	 * Deletes a stack's data dir, and the MariaDB data that lives elsewhere for a data
	 * dir below {@code java.io.tmpdir}.
	 * @param dataDir the data dir of a {@link Stack}
	 */
	public static void wipe(Path dataDir) {
		delete(dataDir);
		delete(MariaDbServer.dataDir(dataDir.resolve("mariadb")));
	}

	/**
	 * Deletes a file, or a directory with everything in it; nothing when it does not
	 * exist.
	 * @param path the file or directory
	 */
	public static void delete(Path path) {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(path)) {
			for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(each);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
