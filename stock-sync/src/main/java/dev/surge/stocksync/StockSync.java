package dev.surge.stocksync;

import java.io.PrintWriter;

import dev.surge.stocksync.stock.CheckCommand;
import dev.surge.stocksync.stock.LoadCommand;
import dev.surge.stocksync.stock.ReconcileCommand;
import dev.surge.stocksync.dlt.DltCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * {@code stock-sync}: keeps the Redis gate in line with MySQL, the source of truth.
 */
@Command(name = "stock-sync", mixinStandardHelpOptions = true, version = "stock-sync 0.1",
		description = "Loads Redis stock from MySQL and checks both against the stock invariants.",
		subcommands = { LoadCommand.class, CheckCommand.class, ReconcileCommand.class, DltCommand.class,
				CommandLine.HelpCommand.class })
public final class StockSync implements Runnable {

	/** Exit code when a command could not run (bad connection, bad input). */
	public static final int FAILED = 2;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		throw new CommandLine.ParameterException(this.spec.commandLine(),
				"Missing command: load, check, reconcile or dlt");
	}

	public static void main(String[] args) {
		System.exit(commandLine().execute(args));
	}

	/** The command line with the one-line error reporting every subcommand shares. */
	public static CommandLine commandLine() {
		return new CommandLine(new StockSync()).setExecutionExceptionHandler(new OneLineErrors());
	}

	/**
	 * Reports a failure as one line, with the stack trace only under {@code --verbose}.
	 */
	static final class OneLineErrors implements IExecutionExceptionHandler {

		@Override
		public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
			PrintWriter err = commandLine.getErr();
			err.println("stock-sync: " + reason(ex));
			if (verbose(parseResult)) {
				ex.printStackTrace(err);
			}
			err.flush();
			return FAILED;
		}

		private static boolean verbose(ParseResult result) {
			for (ParseResult current = result; current != null; current = current.subcommand()) {
				if (current.hasMatchedOption("--verbose")) {
					return true;
				}
			}
			return false;
		}

		static String reason(Throwable ex) {
			Throwable root = ex;
			while (root.getCause() != null && root.getCause() != root) {
				root = root.getCause();
			}
			String message = (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
			String line = message.lines().findFirst().orElse(message);
			return (root == ex) ? line : ex.getClass().getSimpleName() + ": " + line;
		}

	}

}
