package dev.surge.stocksync;

import java.io.Console;
import java.io.PrintStream;
import java.time.Duration;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jspecify.annotations.Nullable;

/**
 * Progress of a long run over the products, on standard error so that standard output
 * stays the result: a bar with rate and ETA on a terminal, else a plain line every few
 * seconds and at the end.
 */
public final class Progress implements AutoCloseable {

	private static final Duration PLAIN_EVERY = Duration.ofSeconds(5);

	private final String task;

	private final long total;

	private final @Nullable ProgressBar bar;

	private final PrintStream plain;

	private final long started = System.nanoTime();

	private long done;

	private long lastLine = System.nanoTime();

	private Progress(String task, long total, @Nullable ProgressBar bar, PrintStream plain) {
		this.task = task;
		this.total = total;
		this.bar = bar;
		this.plain = plain;
	}

	/**
	 * Starts the progress of a task.
	 * @param task what is done, e.g. {@code check}
	 * @param total the steps in all
	 * @return the progress
	 */
	public static Progress start(String task, long total) {
		if (onTerminal()) {
			ProgressBar bar = new ProgressBarBuilder().setTaskName(task)
				.setInitialMax(total)
				.setUnit(" products", 1)
				.showSpeed()
				.setStyle(ProgressBarStyle.ASCII)
				.setConsumer(new ConsoleProgressBarConsumer(System.err))
				.build();
			return new Progress(task, total, bar, System.err);
		}
		return new Progress(task, total, null, System.err);
	}

	/**
	 * Whether standard error is a terminal. Before JDK 22 a console exists only on one;
	 * since, {@code Console.isTerminal()} says (this code is compiled for 21).
	 */
	private static boolean onTerminal() {
		Console console = System.console();
		if (console == null) {
			return false;
		}
		try {
			return (boolean) Console.class.getMethod("isTerminal").invoke(console);
		}
		catch (ReflectiveOperationException ex) {
			return true;
		}
	}

	/** One step done. */
	public void step() {
		this.done++;
		if (this.bar != null) {
			this.bar.step();
		}
		else if (System.nanoTime() - this.lastLine > PLAIN_EVERY.toNanos()) {
			printLine();
		}
	}

	private void printLine() {
		this.lastLine = System.nanoTime();
		double seconds = Math.max(1e-3, (this.lastLine - this.started) / 1e9);
		double rate = this.done / seconds;
		long eta = (rate > 0) ? Math.round((this.total - this.done) / rate) : 0;
		this.plain.printf("%s: %d/%d products, %.0f/s, ETA %d s%n", this.task, this.done, this.total, rate, eta);
	}

	@Override
	public void close() {
		if (this.bar != null) {
			this.bar.close();
		}
		else if (this.total > 0) {
			printLine();
		}
	}

}
