package dev.surge.loadtest.bench;

import java.util.function.Supplier;

/**
 * One measured window: wrk's result, and the CPU ms per request of the server under load
 * and of the whole machine over that window.
 *
 * @param result what wrk counted
 * @param serverCpu the server process's CPU ms per request
 * @param machineCpu every process's CPU ms per request
 */
record Measured(Wrk.Result result, double serverCpu, double machineCpu) {

	static Measured of(long serverPid, Supplier<Wrk.Result> load) {
		long server = Memory.cpuMillis(serverPid);
		long machine = Memory.machineBusyMillis();
		Wrk.Result result = load.get();
		double requests = result.requests();
		return new Measured(result, (Memory.cpuMillis(serverPid) - server) / requests,
				(Memory.machineBusyMillis() - machine) / requests);
	}

}
