package dev.surge.loadtest.bench;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.surge.loadtest.client.Ledger;

/** Everything measured in one run; {@link Report} makes the table of it. */
final class Results {

	final ZonedDateTime at = ZonedDateTime.now(ZoneOffset.UTC);

	Measured bare;

	Measured naive;

	Measured full;

	Measured deferred;

	/** 2b of each {@code --variant}, by its name. */
	final Map<String, Measured> variants = new LinkedHashMap<>();

	double bareRss;

	double lagZeroSeconds;

	double catchUpSeconds;

	long apiOrders;

	Memory.Sample apiPeak;

	Memory.Sample apiAfter;

	Memory.Sample consumerPeak;

	Memory.Sample consumerAfter;

	/** {@code --curve}: the cost curve's points by dimension. */
	Map<String, List<CostCurve.Point>> curve = Map.of();

	/** Seconds from launch to healthy, by service, every start of the run. */
	Map<String, List<Double>> startSeconds = Map.of();

	final List<Drain> drains = new ArrayList<>();

	Ledger.StockVerdict afterBurst;

	Ledger.StockVerdict verdict;

	int gatlingExit;

	/**
	 * Drain rates of one shape.
	 *
	 * @param shape which backlog
	 * @param consumer consumer, orders per second
	 * @param writer plain JDBC writer, orders per second
	 */
	record Drain(String shape, double consumer, double writer) {

	}

}
