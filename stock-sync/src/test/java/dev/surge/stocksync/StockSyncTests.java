package dev.surge.stocksync;

import java.io.PrintWriter;
import java.io.StringWriter;

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

		int exit = commandLine.execute("check", "--jdbc-url", "jdbc:mysql://127.0.0.1:1/surge?connectTimeout=500");

		assertThat(exit).isEqualTo(StockSync.FAILED);
		assertThat(err.toString().strip().lines()).hasSize(1).first().asString().startsWith("stock-sync: ");
	}

}
