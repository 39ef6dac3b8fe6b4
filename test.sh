#!/usr/bin/env bash
# Runs every test:
#  0. the compose Prometheus: configuration, alert rules and their unit tests (promtool);
#  1. the UI: lint, type check, unit tests (Vitest), production build;
#  2. the Java build: unit tests and integration tests against real Kafka, Redis and MySQL
#     (devstack servers, or Testcontainers with a Docker engine), fault injection included;
#  3. the system as ./run.sh starts it: end-to-end tests in Chromium;
#  4. a small chaos run (every kind of server killed once) with its verdict;
#  5. a smoke run of the benchmark and of one Gatling simulation (numbers not asserted).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/java-home.sh
source scripts/prerequisites.sh
# redis-server: the Redis Cluster tests; chromium: the browser e2e; docker-compose: the compose file
# check (no engine needed); wrk: the benchmark smoke run; curl: scripts/with-system.sh; promtool: the
# alerting rules check.
surge_require redis-server:redis-server chromium:chromium docker-compose:docker-compose wrk:wrk curl:curl \
  promtool:prometheus
source scripts/node-env.sh

deploy/scripts/check-prometheus.sh

(cd frontend && npm ci --no-audit --no-fund --loglevel=error && npm run lint && npm run type-check \
  && npm test && npm run build)

./mvnw -B verify "$@"

scripts/with-system.sh 'cd frontend && npm run e2e'

scripts/chaos.sh --orders 3000 --rate 60 --kills 1

loadtest/bench.sh --no-build --smoke --gatling FlashSale
