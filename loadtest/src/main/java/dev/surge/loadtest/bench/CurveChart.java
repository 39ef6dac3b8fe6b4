package dev.surge.loadtest.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws the {@link CostCurve} as an SVG: one panel per dimension, machine CPU ms per
 * order (solid, left axis) and p99 ms (dashed, right axis), both axes shared by the
 * panels so that their slopes compare.
 */
final class CurveChart {

	private static final int PANEL = 300;

	private static final int HEIGHT = 230;

	private static final int TOP = 60;

	private static final int LEFT = 50;

	private static final String CPU = "#1f6fb2";

	private static final String P99 = "#d9822b";

	private CurveChart() {
	}

	static void write(Map<String, List<CostCurve.Point>> curve, String caption, Path file) {
		double cpuMax = niceCeiling(
				curve.values().stream().flatMap(List::stream).mapToDouble(CostCurve.Point::machineCpu).max().orElse(1));
		double p99Max = niceCeiling(
				curve.values().stream().flatMap(List::stream).mapToDouble(CostCurve.Point::p99).max().orElse(1));
		int width = LEFT + curve.size() * (PANEL + 100);
		StringBuilder svg = new StringBuilder();
		svg.append(String.format(Locale.ROOT,
				"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n",
				width, TOP + HEIGHT + 70));
		svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width,
				TOP + HEIGHT + 70));
		svg.append(String.format(Locale.ROOT,
				"<text x=\"%d\" y=\"20\" font-size=\"15\">The full order path's cost as its work grows</text>%n",
				LEFT));
		legend(svg, LEFT, 42, CPU, "", "machine CPU ms per order (left axis)");
		legend(svg, LEFT + 260, 42, P99, " stroke-dasharray=\"6 4\"", "p99 latency ms (right axis)");
		int x = LEFT;
		for (Map.Entry<String, List<CostCurve.Point>> dimension : curve.entrySet()) {
			panel(svg, x, dimension.getKey(), dimension.getValue(), cpuMax, p99Max);
			x += PANEL + 100;
		}
		svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#555\">%s</text>%n", LEFT,
				TOP + HEIGHT + 60, escape(caption)));
		svg.append("</svg>\n");
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, svg);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void panel(StringBuilder svg, int x, String dimension, List<CostCurve.Point> points, double cpuMax,
			double p99Max) {
		int bottom = TOP + HEIGHT;
		svg.append(String.format(Locale.ROOT,
				"<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>%n", x, TOP, PANEL,
				HEIGHT));
		for (int tick = 0; tick <= 4; tick++) {
			int y = bottom - tick * HEIGHT / 4;
			svg.append(String.format(Locale.ROOT,
					"<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#eee\"/>%n"
							+ "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"%s\">%s</text>%n"
							+ "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>%n",
					x + 1, y, x + PANEL - 1, y, x - 4, y + 4, CPU, number(cpuMax * tick / 4), x + PANEL + 4, y + 4, P99,
					number(p99Max * tick / 4)));
		}
		StringBuilder cpuLine = new StringBuilder();
		StringBuilder p99Line = new StringBuilder();
		for (int i = 0; i < points.size(); i++) {
			CostCurve.Point point = points.get(i);
			int px = x + PANEL * (2 * i + 1) / (2 * points.size());
			int cpuY = bottom - (int) Math.round(point.machineCpu() / cpuMax * HEIGHT);
			int p99Y = bottom - (int) Math.round(point.p99() / p99Max * HEIGHT);
			cpuLine.append(px).append(',').append(cpuY).append(' ');
			p99Line.append(px).append(',').append(p99Y).append(' ');
			svg.append(String.format(Locale.ROOT,
					"<circle cx=\"%d\" cy=\"%d\" r=\"4\" fill=\"%s\"/><text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>%n"
							+ "<rect x=\"%d\" y=\"%d\" width=\"7\" height=\"7\" fill=\"%s\"/><text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>%n"
							+ "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%,d</text>%n",
					px, cpuY, CPU, px + 6, cpuY - 6, CPU, number(point.machineCpu()), px - 3, p99Y - 3, P99, px + 6,
					p99Y + 14, P99, number(point.p99()), px, bottom + 16, point.valueIn(dimension)));
		}
		svg.append(String
			.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n"
					+ "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>%n"
					+ "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-weight=\"bold\">%s</text>%n",
					cpuLine.toString().trim(), CPU, p99Line.toString().trim(), P99, x + PANEL / 2, bottom + 36,
					escape(dimension)));
	}

	private static void legend(StringBuilder svg, int x, int y, String colour, String dash, String text) {
		svg.append(String.format(Locale.ROOT,
				"<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"%s/>"
						+ "<text x=\"%d\" y=\"%d\">%s</text>%n",
				x, y - 4, x + 24, y - 4, colour, dash, x + 30, y, escape(text)));
	}

	/** 1, 2 or 5 times a power of ten, at least {@code value}. */
	static double niceCeiling(double value) {
		double power = Math.pow(10, Math.floor(Math.log10(Math.max(value, 1e-9))));
		for (double step : new double[] { 1, 2, 5, 10 }) {
			if (step * power >= value) {
				return step * power;
			}
		}
		return 10 * power;
	}

	private static String number(double value) {
		return (value >= 10) ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
