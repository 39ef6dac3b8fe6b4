package dev.surge.loadtest.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The table of a run's {@link Results}, headed by date and commit: printed, and appended
 * to the {@code --doc} file unless there is none.
 */
final class Report {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

	private final Options options;

	private final Path home;

	Report(Options options, Path home) {
		this.options = options;
		this.home = home;
	}

	void publish(Results results) {
		String table = table(results, commit());
		System.out.println();
		System.out.println(table);
		if (this.options.doc != null) {
			appendToDoc(table);
		}
	}

	String table(Results results, String commit) {
		StringBuilder out = new StringBuilder();
		out.append("### ")
			.append(STAMP.format(results.at))
			.append(", commit ")
			.append(commit)
			.append(this.options.smoke ? " (smoke: numbers mean nothing)" : "")
			.append(this.options.label.isEmpty() ? "" : " — " + this.options.label)
			.append("\n\n");
		out.append(String.format(Locale.ROOT,
				"%d connections, %d s measured after warm-up rounds of %d s until the rate stops climbing for 3 rounds (at most %d s), "
						+ "wrk -t2 on the same 2 cores; backlog %,d orders.%n%n",
				this.options.connections, this.options.duration.toSeconds(), this.options.warmup.toSeconds(),
				this.options.maxWarmup.toSeconds(), this.options.backlog));
		out.append(
				"| run | req/s | p50 ms | p99 ms | p99.9 ms | errors | server CPU ms/request | machine CPU ms/request |\n");
		out.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
		row(out, "1. bare: reserve.lua via Lettuce", results.bare);
		row(out, "2. full POST /api/orders", results.full);
		row(out, "2b. full, consumer stopped (its work deferred)", results.deferred);
		out.append(String.format(Locale.ROOT, "| **ratio 2 ÷ 1** | **%.2f** | | | | | | |%n",
				results.full.result().perSecond() / results.bare.result().perSecond()));
		out.append(String.format(Locale.ROOT, "| ratio 2b ÷ 1 | %.2f | | | | | | |%n%n",
				results.deferred.result().perSecond() / results.bare.result().perSecond()));
		out.append("| consumer | orders/s | plain JDBC writer orders/s | ratio |\n");
		out.append("|---|---:|---:|---:|\n");
		out.append(String.format(Locale.ROOT, "| after the burst of 2: lag 0 after | %.1f s | | |%n",
				results.lagZeroSeconds));
		out.append(
				String.format(Locale.ROOT, "| API accept rate (2) | %,.0f | | |%n", results.full.result().perSecond()));
		out.append(String.format(Locale.ROOT,
				"| after 2b: caught up after (%,d orders, the consumer's start included) | %.1f s | | |%n",
				results.deferred.result().accepted(), results.catchUpSeconds));
		for (Results.Drain drain : results.drains) {
			out.append(String.format(Locale.ROOT, "| drain, %s | %,.0f | %,.0f | %.2f |%n", drain.shape(),
					drain.consumer(), drain.writer(), drain.consumer() / drain.writer()));
		}
		out.append("\n| memory | RSS MB (peak / after) | heap used MB (peak / after) |\n|---|---:|---:|\n");
		out.append(String.format(Locale.ROOT, "| order-api (-Xmx256m) | %.0f / %.0f | %.0f / %.0f |%n",
				results.apiPeak.rssMb(), results.apiAfter.rssMb(), results.apiPeak.heapMb(),
				results.apiAfter.heapMb()));
		out.append(String.format(Locale.ROOT, "| order-consumer (%s) | %.0f / %.0f | %.0f / %.0f |%n",
				String.join(" ", this.options.consumerJvm), results.consumerPeak.rssMb(), results.consumerAfter.rssMb(),
				results.consumerPeak.heapMb(), results.consumerAfter.heapMb()));
		out.append(String.format(Locale.ROOT, "| bare endpoint (-Xmx256m) | — / %.0f | |%n%n", results.bareRss));
		out.append(String.format(Locale.ROOT,
				"Oversell verdict: 202s counted by wrk in 2: %,d (plus up to %d in flight when wrk stopped); "
						+ "orders of the benchmark's customers in MySQL after the drain: %,d (warm-up included). "
						+ "After the burst: %s. After everything: %s.%n",
				results.full.result().accepted(), this.options.connections, results.apiOrders, results.afterBurst,
				results.verdict));
		return out.toString();
	}

	private static void row(StringBuilder out, String name, Measured measured) {
		Wrk.Result result = measured.result();
		out.append(String.format(Locale.ROOT, "| %s | %,.0f | %.1f | %.1f | %.1f | %d | %.2f | %.2f |%n", name,
				result.perSecond(), result.p50(), result.p99(), result.p999(), result.errors(), measured.serverCpu(),
				measured.machineCpu()));
	}

	private String commit() {
		try {
			Process git = new ProcessBuilder("git", "describe", "--always", "--dirty").directory(this.home.toFile())
				.redirectErrorStream(true)
				.start();
			String text = new String(git.getInputStream().readAllBytes()).trim();
			return (git.waitFor() == 0) ? text : "unknown";
		}
		catch (IOException ex) {
			return "unknown";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "unknown";
		}
	}

	private void appendToDoc(String table) {
		Path doc = this.home.resolve(this.options.doc);
		try {
			Files.writeString(doc, System.lineSeparator() + table, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
			Progress.log("appended to " + doc);
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot write " + doc, ex);
		}
	}

}
