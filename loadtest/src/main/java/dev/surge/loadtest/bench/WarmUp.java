package dev.surge.loadtest.bench;

import java.nio.file.Path;

/**
 * Rounds of load until the path is at steady state: the rate has not beaten its best by
 * more than 5 % for three rounds in a row and the server's JIT compilers worked less than
 * 2 % of the last round, at most {@code --max-warmup}. A fixed few seconds warm the bare
 * endpoint, not the API, whose far longer code path C2 is still compiling a minute later
 * on 2 busy cores (a single dip ended the warm-up too early; a flat rate alone, while C2
 * still compiled, once too).
 *
 * @param wrk the load generator
 * @param options the benchmark's options
 */
record WarmUp(Wrk wrk, Options options) {

	void run(long server, String url, String path, Path tokens, long firstProduct) {
		long deadline = System.nanoTime() + this.options.maxWarmup.toNanos();
		double best = 0;
		int flat = 0;
		for (int round = 1;; round++) {
			double jit = Jcmd.compileMillis(server);
			double rate = this.wrk.run(url, path, tokens, firstProduct, this.options.products, this.options.warmup)
				.perSecond();
			jit = Jcmd.compileMillis(server) - jit;
			Progress
				.log("   warm-up round " + round + ": " + Math.round(rate) + " req/s, JIT " + Math.round(jit) + " ms");
			flat = (rate > best * 1.05) ? 0 : flat + 1;
			best = Math.max(best, rate);
			boolean compiled = !(jit > this.options.warmup.toMillis() * 0.02);
			if ((flat >= 3 && compiled) || System.nanoTime() > deadline) {
				return;
			}
		}
	}

}
