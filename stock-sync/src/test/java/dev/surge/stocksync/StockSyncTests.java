package dev.surge.stocksync;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

class StockSyncTests {

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
		StringWriter err = new StringWriter();
		CommandLine commandLine = StockSync.commandLine();
		commandLine.setErr(new PrintWriter(err));

		int exit = commandLine.execute("check", "--jdbc-url", "jdbc:mysql://127.0.0.1:1/surge?connectTimeout=500",
				"--db-password", "secret", "--redis-password", "secret");

		assertThat(exit).isEqualTo(StockSync.FAILED);
		assertThat(err.toString().strip().lines()).hasSize(1)
			.first()
			.asString()
			.startsWith("stock-sync: ")
			.contains("CommunicationsException");
	}

	@Test
	void refusesToRunWithoutThePasswordsOutsideTheDemoRun() {
		Assumptions.assumeFalse(Boolean.parseBoolean(System.getenv("SURGE_DEMO_ENABLED")), "a demo environment");
		StringWriter err = new StringWriter();
		CommandLine commandLine = StockSync.commandLine();
		commandLine.setErr(new PrintWriter(err));

		int exit = commandLine.execute("load", "--db-password", "", "--redis-password", "");

		assertThat(exit).isEqualTo(StockSync.FAILED);
		assertThat(err.toString().strip().lines()).containsExactly(
				"stock-sync: Refusing to start without SPRING_DATASOURCE_PASSWORD and SPRING_DATA_REDIS_PASSWORD "
						+ "(only the demo run, SURGE_DEMO_ENABLED=true, may do without); or give --db-password / --redis-password");
	}

	@Test
	void dltNeedsOnlyTheRedisPassword() {
		Assumptions.assumeFalse(Boolean.parseBoolean(System.getenv("SURGE_DEMO_ENABLED")), "a demo environment");
		StringWriter err = new StringWriter();
		CommandLine commandLine = StockSync.commandLine();
		commandLine.setErr(new PrintWriter(err));

		int exit = commandLine.execute("dlt", "list", "--db-password", "", "--redis-password", "");

		assertThat(exit).isEqualTo(StockSync.FAILED);
		assertThat(err.toString()).contains("without SPRING_DATA_REDIS_PASSWORD (")
			.doesNotContain("SPRING_DATASOURCE_PASSWORD");
	}

}
