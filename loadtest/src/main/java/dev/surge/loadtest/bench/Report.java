package dev.surge.loadtest.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The table of a run's {@link Results}, headed by date and commit: printed, written to a
 * file of the run under {@code loadtest/target/bench} (and appended to {@code --doc} if
 * given), followed by one {@code BENCH-SUMMARY {json}} line for scripts.
 *
 * @param options the benchmark's options
 * @param home the repository (the commit, {@code --doc})
 */
record Report(Options options, Path home) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

	/**
	 * Prints the table and writes it to a file of its own in the workspace (and appends
	 * it to {@code --doc} if given); then prints the {@code BENCH-SUMMARY} line.
	 */
	void publish(Results results, Path file) {
		String table = table(results, commit());
		System.out.println();
		System.out.println(table);
		write(file, table, StandardOpenOption.TRUNCATE_EXISTING);
		if (this.options.doc != null) {
			write(this.home.resolve(this.options.doc), System.lineSeparator() + table, StandardOpenOption.APPEND);
		}
		System.out.println("BENCH-SUMMARY " + summary(results));
	}

	/**
	 * The medians a script reads: rates in requests per second, latencies in ms, CPU in
	 * ms per request.
	 */
	static String summary(Results results) {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("bare_rps", round(results.bare.perSecond().median()));
		summary.put("naive_rps", round(results.naive.perSecond().median()));
		summary.put("full_rps", round(results.full.perSecond().median()));
		summary.put("deferred_rps", round(results.deferred.perSecond().median()));
		summary.put("full_p99_ms", round(results.full.p99().median()));
		summary.put("naive_p99_ms", round(results.naive.p99().median()));
		summary.put("naive_cpu_ms", round(results.naive.serverCpu()));
		summary.put("full_api_cpu_ms", round(results.full.serverCpu()));
		summary.put("deferred_api_cpu_ms", round(results.deferred.serverCpu()));
		summary.put("full_machine_cpu_ms", round(results.full.machineCpu().median()));
		summary.put("naive_machine_cpu_ms", round(results.naive.machineCpu().median()));
		summary.put("oversold", results.verdict.ok() ? 0 : 1);
		results.startSeconds
			.forEach((name, seconds) -> summary.put(name.replace('-', '_') + "_start_s", seconds.get(0)));
		Map<String, Object> variants = new LinkedHashMap<>();
		results.variants.forEach((name, measured) -> variants.put(name,
				Map.of("rps", round(measured.perSecond().median()), "api_cpu_ms", round(measured.serverCpu()))));
		if (!variants.isEmpty()) {
			summary.put("variants", variants);
		}
		return JSON.writeValueAsString(summary);
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
		out.append(String.format(Locale.ROOT,
				"Each figure is the median of %d measured windows, (min–max) beside it; p50 and p99.9 are those of the median window.%n%n",
				this.options.windows));
		out.append(
				"| run | req/s | p50 ms | p99 ms | p99.9 ms | errors | server CPU ms/request | machine CPU ms/request |\n");
		out.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
		row(out, "1. bare: reserve.lua via Lettuce", results.bare);
		row(out, "1b. naive handler: reserve.lua, awaited Kafka send (acks=all)", results.naive);
		row(out, "2. full POST /api/orders", results.full);
		row(out, "2b. full, consumer stopped (its work deferred)", results.deferred);
		results.variants.forEach((name, measured) -> row(out, "2 · " + name, measured));
		ratio(out, "**2 ÷ 1b (full ÷ naive)**", results.full, results.naive);
		ratio(out, "2b ÷ 1b (deferred ÷ naive)", results.deferred, results.naive);
		ratio(out, "2 ÷ 1 (full ÷ bare)", results.full, results.bare);
		out.append('\n');
		processes(out, results);
		out.append("| consumer | orders/s | plain JDBC writer orders/s | ratio |\n");
		out.append("|---|---:|---:|---:|\n");
		out.append(String.format(Locale.ROOT, "| after the burst of 2: lag 0 after | %.1f s | | |%n",
				results.lagZeroSeconds));
		out.append(
				String.format(Locale.ROOT, "| API accept rate (2) | %,.0f | | |%n", results.full.perSecond().median()));
		out.append(String.format(Locale.ROOT,
				"| after 2b: caught up after (%,d orders, the consumer's start included) | %.1f s | | |%n",
				results.deferred.accepted(), results.catchUpSeconds));
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
		curve(out, results);
		out.append("| start, launch to healthy | seconds, every start in the run |\n|---|---|\n");
		results.startSeconds.forEach((name, seconds) -> out.append("| ")
			.append(name)
			.append(" | ")
			.append(String.join(", ", seconds.stream().map((s) -> String.format(Locale.ROOT, "%.1f", s)).toList()))
			.append(" |\n"));
		out.append('\n');
		out.append(String.format(Locale.ROOT,
				"Oversell verdict: 202s counted by wrk in 2: %,d (plus up to %d in flight when wrk stopped); "
						+ "orders of the benchmark's customers in MySQL after the drain: %,d (warm-up included). "
						+ "After the burst: %s. After everything: %s.%n",
				results.full.accepted(), this.options.connections, results.apiOrders, results.afterBurst,
				results.verdict));
		return out.toString();
	}

	/** {@code --curve}: one row per point, the base point in each dimension. */
	private static void curve(StringBuilder out, Results results) {
		if (results.curve.isEmpty()) {
			return;
		}
		out.append("| cost curve (2, consumer running) | value | req/s | p99 ms | machine CPU ms/order | ")
			.append("API CPU ms/order | consumer CPU ms/order |\n|---|---:|---:|---:|---:|---:|---:|\n");
		results.curve.forEach((dimension,
				points) -> points.forEach((point) -> out.append(String.format(Locale.ROOT,
						"| %s | %,d | %,.0f | %.1f | %.3f | %.3f | %.3f |%n", dimension, point.valueIn(dimension),
						point.measured().perSecond().median(), point.p99(), point.machineCpu(),
						point.measured().cpu(Measured.SERVER).median(), point.measured().cpu("consumer").median()))));
		out.append('\n');
	}

	private static void row(StringBuilder out, String name, Measured measured) {
		Wrk.Result result = measured.result();
		out.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %s | %.1f | %d | %s | %s |%n", name,
				measured.perSecond(), result.p50(), measured.p99(), result.p999(), measured.errors(),
				measured.cpu(Measured.SERVER), measured.machineCpu()));
	}

	private static void ratio(StringBuilder out, String name, Measured of, Measured to) {
		out.append(String.format(Locale.ROOT, "| ratio %s | %.2f | | | | | | |%n", name,
				of.perSecond().median() / to.perSecond().median()));
	}

	/** CPU ms per request of every process on the box, medians over the windows. */
	private static void processes(StringBuilder out, Results results) {
		List<String> roles = new ArrayList<>(List.of(Measured.SERVER, "consumer"));
		roles.addAll(ProcessCpu.SERVERS);
		out.append("| CPU ms per request | ")
			.append(String.join(" | ", roles))
			.append(" | machine | server JIT ms in a window |\n");
		out.append("|---|").append("---:|".repeat(roles.size() + 2)).append('\n');
		Map<String, Measured> rows = new LinkedHashMap<>();
		rows.put("1. bare", results.bare);
		rows.put("1b. naive", results.naive);
		rows.put("2. full", results.full);
		rows.put("2b. full, consumer stopped", results.deferred);
		results.variants.forEach((name, measured) -> rows.put("2 · " + name, measured));
		rows.forEach((name, measured) -> {
			out.append("| ").append(name);
			for (String role : roles) {
				out.append(String.format(Locale.ROOT, " | %.3f", measured.cpu(role).median()));
			}
			out.append(String.format(Locale.ROOT, " | %.3f | %s |%n", measured.machineCpu().median(), measured.jit()));
		});
		out.append('\n');
	}

	private static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

	String commit() {
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

	private static void write(Path file, String text, StandardOpenOption mode) {
		try {
			Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode);
			Progress.log("table written to " + file);
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot write " + file, ex);
		}
	}

}
