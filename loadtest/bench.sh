#!/usr/bin/env bash
# The benchmark in one command (see loadtest/README.md). Builds the services and this module,
# then runs dev.surge.loadtest.bench.Bench, which starts its own servers and services on free
# 127.0.0.1 ports, measures, prints the table (also written to loadtest/target/bench/) and a
# BENCH-SUMMARY line, and stops everything.
#   loadtest/bench.sh                      the full benchmark (~6 min)
#   loadtest/bench.sh --smoke --gatling FlashSale   tiny load, proves the scripts work (CI)
#   loadtest/bench.sh --no-build ...       use what was built last
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-home.sh

if ! command -v wrk >/dev/null 2>&1; then
  echo "wrk not found: apt-get install -y wrk" >&2
  exit 1
fi

build=true
args=()
for arg in "$@"; do
  case "$arg" in
    --no-build) build=false ;;
    *) args+=("$arg") ;;
  esac
done
if $build; then
  echo "Building order-consumer, order-api and loadtest (tests skipped)..."
  ./mvnw -B -q -DskipTests package -pl order-consumer,order-api,loadtest -am
fi

# Rate limits stay on, raised by configuration (the API reads surge.ratelimit.*): the benchmark
# registers and logs in its customers in a burst and sends thousands of orders per user, so the
# buckets are drawn from (and synchronised through Redis) exactly as in production.
export SURGE_RATELIMIT_ROUTES_API_USER_CAPACITY="${SURGE_RATELIMIT_ROUTES_API_USER_CAPACITY:-100000000}"
export SURGE_RATELIMIT_ROUTES_API_IP_CAPACITY="${SURGE_RATELIMIT_ROUTES_API_IP_CAPACITY:-1000000000}"
export SURGE_RATELIMIT_ROUTES_LOGIN_IP_CAPACITY="${SURGE_RATELIMIT_ROUTES_LOGIN_IP_CAPACITY:-1000000}"
export SURGE_RATELIMIT_ROUTES_REGISTER_IP_CAPACITY="${SURGE_RATELIMIT_ROUTES_REGISTER_IP_CAPACITY:-1000000}"

exec "$JAVA_HOME/bin/java" -Xmx512m \
  -cp "loadtest/target/classes:$(cat loadtest/target/runtime.classpath)" \
  dev.surge.loadtest.bench.Bench "${args[@]+"${args[@]}"}"
