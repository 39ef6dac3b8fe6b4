package dev.surge.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The JDK's ahead-of-time cache of a service (JDK 25 and later: JEP 483, 514 and 515):
 * the classes a run loaded and linked and the profiles of its methods, so that a later
 * start skips that work and warms up sooner. The cache is only as good as the class path
 * is plain, so the Boot jar is first extracted ({@code -Djarmode=tools extract}) into
 * {@code target/aot/<jar>-<digest>/}; that folder belongs to one build of the jar (by its
 * content: a reproducible build gives every jar the same time stamp).
 * <p>
 * A start of a build that has no cache yet records one ({@code -XX:AOTCacheOutput}): the
 * JVM writes it when it exits after a graceful stop, and {@link #adopt} moves it into
 * place unless the process was killed. One recording per build is tried, never two at
 * once. {@code SURGE_AOT_CACHE=false}, or a JDK older than 25, runs the jar as it is.
 */
final class AotCache {

	private static final Duration EXTRACT_TIMEOUT = Duration.ofMinutes(2);

	/** The exit code of a JVM ended by SIGKILL: a cache it wrote may be cut short. */
	private static final int KILLED = 137;

	private final Path jar;

	private final List<String> jvmArgs;

	private final @Nullable Path recording;

	private final @Nullable Path cache;

	private AotCache(Path jar, List<String> jvmArgs, @Nullable Path recording, @Nullable Path cache) {
		this.jar = jar;
		this.jvmArgs = jvmArgs;
		this.recording = recording;
		this.cache = cache;
	}

	/**
	 * How to launch {@code bootJar}: the extracted jar with its cache, or recording one.
	 * @param bootJar the executable jar as built
	 * @return the jar to run and the JVM options that go with it
	 */
	static synchronized AotCache of(Path bootJar) {
		if (Runtime.version().feature() < 25 || "false".equals(System.getenv("SURGE_AOT_CACHE"))) {
			return new AotCache(bootJar, List.of(), null, null);
		}
		try {
			String name = bootJar.getFileName().toString().replaceFirst("\\.jar$", "");
			Path folder = bootJar.toAbsolutePath().resolveSibling("aot").resolve(name + "-" + digest(bootJar));
			Path extracted = folder.resolve(bootJar.getFileName());
			if (!Files.isRegularFile(extracted)) {
				extract(bootJar, folder);
			}
			Path cache = folder.resolve("app.aot");
			if (Files.isRegularFile(cache)) {
				return new AotCache(extracted, List.of("-XX:AOTCache=" + cache), null, null);
			}
			Path recording = folder.resolve("recording.aot");
			try {
				Files.createFile(recording);
			}
			catch (FileAlreadyExistsException ex) {
				// recorded once for this build already (or being recorded now)
				return new AotCache(extracted, List.of(), null, null);
			}
			return new AotCache(extracted, List.of("-XX:AOTCacheOutput=" + recording), recording, cache);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot prepare the AOT cache of " + bootJar, ex);
		}
	}

	private static String digest(Path jar) throws IOException {
		try (InputStream in = Files.newInputStream(jar)) {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			byte[] buffer = new byte[1 << 16];
			for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
				sha.update(buffer, 0, read);
			}
			return HexFormat.of().formatHex(sha.digest(), 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Extracts into a folder of its own first, then moves it into place, so that a
	 * half-extracted jar is never run.
	 */
	private static void extract(Path bootJar, Path folder) throws IOException {
		Files.createDirectories(folder.getParent());
		String build = folder.getFileName().toString();
		String name = build.substring(0, build.lastIndexOf('-') + 1);
		try (var folders = Files.list(folder.getParent())) {
			// the folders of earlier builds
			folders.filter((other) -> other.getFileName().toString().startsWith(name)).forEach(Cleanup::delete);
		}
		Path partial = Files.createTempDirectory(folder.getParent(), "extracting");
		Launcher.Finished extracted = Launcher.run(Launcher.java(List.of(), "-Djarmode=tools", "-jar",
				bootJar.toAbsolutePath().toString(), "extract", "--force", "--destination", partial.toString()),
				Map.of(), EXTRACT_TIMEOUT, null);
		if (!extracted.succeeded()) {
			Cleanup.delete(partial);
			throw new IllegalStateException("cannot extract " + bootJar + ": " + extracted.output());
		}
		try {
			Files.move(partial, folder, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			// another process extracted the same build first
			Cleanup.delete(partial);
			if (!Files.isDirectory(folder)) {
				throw ex;
			}
		}
	}

	/** The jar to run: the extracted one when the cache is in use. */
	Path jar() {
		return this.jar;
	}

	/** The JVM options that use or record the cache. */
	List<String> jvmArgs() {
		return this.jvmArgs;
	}

	/**
	 * Once the process has exited: the cache it recorded becomes the build's cache,
	 * unless it was killed while writing it.
	 * @param exitCode the process's exit code
	 */
	void adopt(int exitCode) {
		if (this.recording == null || this.cache == null || exitCode == KILLED) {
			return;
		}
		try {
			if (Files.size(this.recording) > 0) {
				Files.move(this.recording, this.cache, StandardCopyOption.ATOMIC_MOVE);
			}
		}
		catch (IOException ex) {
			// no cache this time: the next build records again
		}
	}

}
