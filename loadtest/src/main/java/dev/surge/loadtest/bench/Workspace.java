package dev.surge.loadtest.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the benchmark runs: the repository's root (the working directory), which holds
 * the jars, scripts and docs it reads, and {@code loadtest/target/bench}, where it writes
 * its data, logs and files.
 *
 * @param home the repository's root
 * @param work {@code loadtest/target/bench}
 */
record Workspace(Path home, Path work) {

	static Workspace current() {
		Path home = Path.of("").toAbsolutePath();
		return new Workspace(home, home.resolve("loadtest/target/bench"));
	}

	/** A file or directory under {@link #work()}. */
	Path file(String name) {
		return this.work.resolve(name);
	}

	/** A directory under {@link #work()}, deleted with everything in it. */
	Path emptied(String name) {
		Path path = file(name);
		deleteRecursively(path);
		return path;
	}

	/** Writes the lines to a file under {@link #work()}. */
	Path write(String name, List<String> lines) {
		Path file = file(name);
		try {
			Files.createDirectories(file.getParent());
			Files.write(file, lines);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return file;
	}

	private static void deleteRecursively(Path path) {
		if (!Files.exists(path)) {
			return;
		}
		try (var walk = Files.walk(path)) {
			walk.sorted(java.util.Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
