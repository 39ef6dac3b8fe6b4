package dev.surge.stocksync;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.StringWriter;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

class StockSyncTests {

	@TempDir
	Path directory;

	@Test
	void helpListsTheCommands() {
		StringWriter out = new StringWriter();
		CommandLine commandLine = StockSync.commandLine();
		commandLine.setOut(new PrintWriter(out));

		assertThat(commandLine.execute("--help")).isZero();
		assertThat(out.toString()).contains("load").contains("check").contains("reconcile").contains("dlt");
	}

	@Test
	void failsWithOneLineWhenMysqlIsUnreachable() {
		String secret = passwordFile("secret\n").toString();
		Run run = execute("check", "--jdbc-url", "jdbc:mysql://127.0.0.1:1/surge?connectTimeout=500",
				"--db-password-file", secret, "--redis-password-file", secret);

		assertThat(run.exit()).isEqualTo(StockSync.FAILED);
		assertThat(run.err().strip().lines()).hasSize(1)
			.first()
			.asString()
			.startsWith("stock-sync: ")
			.contains("CommunicationsException");
	}

	@Test
	void refusesToRunWithoutThePasswordsOutsideTheDemoRun() {
		Assumptions.assumeFalse(Boolean.parseBoolean(System.getenv("SURGE_DEMO_ENABLED")), "a demo environment");
		String empty = passwordFile("").toString();
		Run run = execute("load", "--db-password-file", empty, "--redis-password-file", empty);

		assertThat(run.exit()).isEqualTo(StockSync.FAILED);
		assertThat(run.err().strip().lines()).containsExactly(
				"stock-sync: Refusing to start without SPRING_DATASOURCE_PASSWORD and SPRING_DATA_REDIS_PASSWORD "
						+ "(only the demo run, SURGE_DEMO_ENABLED=true, may do without); or give --db-password-file / --redis-password-file");
	}

	@Test
	void dltNeedsOnlyTheRedisPassword() {
		Assumptions.assumeFalse(Boolean.parseBoolean(System.getenv("SURGE_DEMO_ENABLED")), "a demo environment");
		String empty = passwordFile("").toString();
		Run run = execute("dlt", "list", "--db-password-file", empty, "--redis-password-file", empty);

		assertThat(run.exit()).isEqualTo(StockSync.FAILED);
		assertThat(run.err()).contains("without SPRING_DATA_REDIS_PASSWORD (")
			.doesNotContain("SPRING_DATASOURCE_PASSWORD");
	}

	@Test
	void takesNoPasswordOnTheCommandLine() {
		Run run = execute("check", "--db-password", "secret");

		assertThat(run.exit()).isEqualTo(CommandLine.ExitCode.USAGE);
		assertThat(run.err()).contains("Unknown options: '--db-password', 'secret'");
	}

	/**
	 * Runs the command line, keeping its exit code and what it wrote to standard error.
	 */
	private static Run execute(String... args) {
		StringWriter err = new StringWriter();
		CommandLine commandLine = StockSync.commandLine();
		commandLine.setErr(new PrintWriter(err));
		int exit = commandLine.execute(args);
		return new Run(exit, err.toString());
	}

	private Path passwordFile(String content) {
		try {
			Path file = this.directory.resolve("password-" + content.hashCode());
			return Files.writeString(file, content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private record Run(int exit, String err) {

	}

}
