package dev.surge.loadtest.bench;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * The measured windows of one row, back to back after its warm-up: each figure is
 * reported as the median of the windows with their min and max.
 *
 * @param windows in the order they ran
 */
record Measured(List<Window> windows) {

	/**
	 * The role of the process under load (the bare endpoint, the naive handler, the API).
	 */
	static final String SERVER = "server";

	/**
	 * Runs {@code count} windows of the load.
	 * @param count how many windows
	 * @param services role → pid of the services on the box, {@link #SERVER} among them
	 * @param load one window of load
	 */
	static Measured of(int count, Map<String, Long> services, Supplier<Wrk.Result> load) {
		return new Measured(IntStream.range(0, count).mapToObj((i) -> Window.of(services, load)).toList());
	}

	/** The window of median throughput: its latencies are the row's. */
	Wrk.Result result() {
		List<Window> byRate = this.windows.stream()
			.sorted(Comparator.comparingDouble((window) -> window.result().perSecond()))
			.toList();
		return byRate.get(byRate.size() / 2).result();
	}

	Spread perSecond() {
		return Spread.of(this.windows, (window) -> window.result().perSecond());
	}

	Spread p99() {
		return Spread.of(this.windows, (window) -> window.result().p99());
	}

	/** CPU ms per request of a role ({@link #SERVER}, "consumer", "mysql", ...). */
	Spread cpu(String role) {
		return Spread.of(this.windows, (window) -> window.cpu().getOrDefault(role, 0.0));
	}

	/** Milliseconds the server's JIT compilers worked during a window. */
	Spread jit() {
		return Spread.of(this.windows, Window::jitMillis);
	}

	Spread machineCpu() {
		return Spread.of(this.windows, Window::machineCpu);
	}

	/** Answers below 400 over every window. */
	long accepted() {
		return this.windows.stream().mapToLong((window) -> window.result().accepted()).sum();
	}

	/** Errors over every window. */
	long errors() {
		return this.windows.stream().mapToLong((window) -> window.result().errors()).sum();
	}

	double serverCpu() {
		return cpu(SERVER).median();
	}

	@Override
	public String toString() {
		return String.format(java.util.Locale.ROOT,
				"%s req/s, p99 %s ms, server %s CPU ms/request, machine %s, JIT %s ms in a window", perSecond(), p99(),
				cpu(SERVER), machineCpu(), jit());
	}

	/**
	 * One window: wrk's result, the CPU ms per request of every process on the box and of
	 * the whole machine.
	 *
	 * @param result what wrk counted
	 * @param cpu CPU ms per request by role
	 * @param machineCpu every process's CPU ms per request
	 * @param jitMillis what the server's JIT compilers worked in the window, ms: near 0
	 * at steady state
	 */
	record Window(Wrk.Result result, Map<String, Double> cpu, double machineCpu, double jitMillis) {

		static Window of(Map<String, Long> services, Supplier<Wrk.Result> load) {
			long server = services.get(SERVER);
			double jit = Jcmd.compileMillis(server);
			Map<String, Long> before = ProcessCpu.snapshot(services);
			long machine = Memory.machineBusyMillis();
			Wrk.Result result = load.get();
			Map<String, Long> after = ProcessCpu.snapshot(services);
			double machineCpu = (Memory.machineBusyMillis() - machine) / (double) Math.max(1, result.requests());
			return new Window(result, ProcessCpu.perRequest(before, after, result.requests()), machineCpu,
					Jcmd.compileMillis(server) - jit);
		}

	}

	/**
	 * Median, min and max of one figure over the windows.
	 *
	 * @param median the median
	 * @param min the least
	 * @param max the most
	 */
	record Spread(double median, double min, double max) {

		static Spread of(List<Window> windows, ToDoubleFunction<Window> figure) {
			double[] values = windows.stream().mapToDouble(figure).sorted().toArray();
			return new Spread(values[values.length / 2], values[0], values[values.length - 1]);
		}

		@Override
		public String toString() {
			return format(this.median) + " (" + format(this.min) + "–" + format(this.max) + ")";
		}

		private static String format(double value) {
			return (value >= 100) ? String.format(java.util.Locale.ROOT, "%,.0f", value)
					: String.format(java.util.Locale.ROOT, "%.2f", value);
		}

	}

}
