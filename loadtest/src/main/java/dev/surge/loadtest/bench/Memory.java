package dev.surge.loadtest.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Resident memory (from {@code /proc}) and used heap (from the Prometheus endpoint) of a
 * service process.
 */
final class Memory {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private Memory() {
	}

	static Sample sample(long pid, int port) {
		return new Sample(rssMb(pid), heapMb(port));
	}

	static double rssMb(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// gone
		}
		return Double.NaN;
	}

	/** User plus system CPU time of the process so far, in ms (clock ticks of 10 ms). */
	static long cpuMillis(long pid) {
		return statMillis(pid, 11);
	}

	/**
	 * User plus system CPU time of the process's children that ended and were waited for
	 * (for the benchmark itself: every wrk run), in ms.
	 */
	static long endedChildrenCpuMillis(long pid) {
		return statMillis(pid, 13);
	}

	/** Two adjacent tick fields of {@code /proc/<pid>/stat}, counted after the name. */
	private static long statMillis(long pid, int first) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return (Long.parseLong(fields[first]) + Long.parseLong(fields[first + 1])) * 10;
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	/**
	 * CPU time the whole machine has been busy so far, in ms: every process, the load
	 * generator and the servers included ({@code /proc/stat}, ticks of 10 ms).
	 */
	static long machineBusyMillis() {
		try {
			String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
			long busy = 0;
			// user nice system idle iowait irq softirq steal: all but idle and iowait
			for (int i : new int[] { 1, 2, 3, 6, 7, 8 }) {
				busy += Long.parseLong(fields[i]);
			}
			return busy * 10;
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	/** Sum of {@code jvm_memory_used_bytes{area="heap"}}, in MB. */
	static double heapMb(int port) {
		try {
			String text = HTTP
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
					.timeout(Duration.ofSeconds(5))
					.build(), HttpResponse.BodyHandlers.ofString())
				.body();
			double bytes = 0;
			for (String line : text.split("\n")) {
				if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
					bytes += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
				}
			}
			return bytes / (1024 * 1024);
		}
		catch (IOException | RuntimeException ex) {
			return Double.NaN;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Double.NaN;
		}
	}

	/**
	 * One reading.
	 *
	 * @param rssMb resident set size
	 * @param heapMb heap in use
	 */
	record Sample(double rssMb, double heapMb) {

		Sample max(Sample other) {
			return new Sample(Math.max(nan0(this.rssMb), nan0(other.rssMb)),
					Math.max(nan0(this.heapMb), nan0(other.heapMb)));
		}

		private static double nan0(double value) {
			return Double.isNaN(value) ? 0 : value;
		}

	}

}
