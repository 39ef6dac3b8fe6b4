package dev.surge.loadtest.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Command-line options. */
final class Options {

	boolean smoke;

	Duration warmup = Duration.ofSeconds(5);

	Duration maxWarmup = Duration.ofSeconds(180);

	Duration duration = Duration.ofSeconds(20);

	int windows = 3;

	int connections = 64;

	int users = 64;

	int products = 1000;

	int backlog = 200_000;

	int writers = 2;

	boolean jfr;

	/** {@code --curve}: the cost curve after 2b, drawn to {@code docs/cost-curve.svg}. */
	boolean curve;

	boolean onlyHttp;

	String apiJar;

	String gatling;

	String doc;

	String label = "";

	final Map<String, String> apiEnv = new HashMap<>();

	final Map<String, String> consumerEnv = new HashMap<>();

	final List<String> apiJvm = new ArrayList<>();

	/** {@code --variant}: API builds told apart by their environment, measured as 2b. */
	final Map<String, Map<String, String>> variants = new LinkedHashMap<>();

	List<String> consumerJvm = new ArrayList<>(List.of("-Xmx512m"));

	static Options parse(String[] args) {
		Options options = new Options();
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			switch (arg) {
				case "--smoke" -> {
					options.smoke = true;
					options.warmup = Duration.ofSeconds(2);
					options.maxWarmup = Duration.ZERO;
					options.duration = Duration.ofSeconds(3);
					options.connections = 8;
					options.users = 8;
					options.backlog = 5_000;
					options.doc = null;
				}
				case "--warmup" -> options.warmup = Duration.ofSeconds(Long.parseLong(args[++i]));
				case "--max-warmup" -> options.maxWarmup = Duration.ofSeconds(Long.parseLong(args[++i]));
				case "--duration" -> options.duration = Duration.ofSeconds(Long.parseLong(args[++i]));
				case "--windows" -> options.windows = Integer.parseInt(args[++i]);
				case "--connections" -> options.connections = Integer.parseInt(args[++i]);
				case "--users" -> options.users = Integer.parseInt(args[++i]);
				case "--products" -> options.products = Integer.parseInt(args[++i]);
				case "--backlog" -> options.backlog = Integer.parseInt(args[++i]);
				case "--writers" -> options.writers = Integer.parseInt(args[++i]);
				case "--jfr" -> options.jfr = true;
				case "--curve" -> options.curve = true;
				case "--only-http" -> options.onlyHttp = true;
				case "--api-jar" -> options.apiJar = args[++i];
				case "--gatling" -> options.gatling = args[++i];
				case "--doc" -> options.doc = args[++i];
				case "--no-doc" -> options.doc = null;
				case "--label" -> options.label = args[++i];
				case "--api-env" -> put(options.apiEnv, args[++i]);
				case "--consumer-env" -> put(options.consumerEnv, args[++i]);
				case "--api-jvm" -> options.apiJvm.add(args[++i]);
				case "--variant" -> variant(options.variants, args[++i]);
				case "--consumer-jvm" -> options.consumerJvm = List.of(args[++i].split(" "));
				default -> throw new IllegalArgumentException("unknown option " + arg
						+ "; see loadtest/README.md (--smoke, --warmup S, --max-warmup S, --duration S, --windows N, --connections N, --users N, "
						+ "--products N, --backlog N, --writers N, --jfr, --curve, --only-http, --api-jar FILE, --gatling NAME, --doc FILE, --no-doc, "
						+ "--label TEXT, --api-env K=V, --consumer-env K=V, --api-jvm OPT, --consumer-jvm 'OPTS', --variant NAME:K=V,K=V)");
			}
		}
		return options;
	}

	/** {@code NAME:K=V,K=V}: the API with these variables on top of {@code --api-env}. */
	private static void variant(Map<String, Map<String, String>> variants, String spec) {
		int colon = spec.indexOf(':');
		Map<String, String> env = new HashMap<>();
		for (String assignment : spec.substring(colon + 1).split(",")) {
			put(env, assignment);
		}
		variants.put(spec.substring(0, colon), env);
	}

	private static void put(Map<String, String> env, String assignment) {
		int eq = assignment.indexOf('=');
		env.put(assignment.substring(0, eq), assignment.substring(eq + 1));
	}

}
