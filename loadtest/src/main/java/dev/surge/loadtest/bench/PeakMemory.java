package dev.surge.loadtest.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import dev.surge.devstack.ServiceProcess;

/**
 * The highest RSS and heap of services while it is open: each sampled every 2 s, the
 * first time after 1 s, on one thread.
 */
final class PeakMemory implements AutoCloseable {

	private final Map<ServiceProcess, AtomicReference<Memory.Sample>> peaks = new LinkedHashMap<>();

	private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();

	PeakMemory(ServiceProcess... services) {
		for (ServiceProcess service : services) {
			this.peaks.put(service, new AtomicReference<>(new Memory.Sample(0, 0)));
		}
		this.sampler.scheduleAtFixedRate(
				() -> this.peaks.forEach((service, peak) -> peak
					.updateAndGet((sample) -> sample.max(Memory.sample(service.pid(), service.port())))),
				1, 2, TimeUnit.SECONDS);
	}

	Memory.Sample of(ServiceProcess service) {
		return this.peaks.get(service).get();
	}

	@Override
	public void close() {
		this.sampler.shutdownNow();
	}

}
