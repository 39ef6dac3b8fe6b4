#!/usr/bin/env bash
# The one command: builds Surge and runs the whole system on this machine, without Docker:
# Redis, MariaDB and Kafka (devstack, fixed ports 16379 / 13306 / 19092), order-consumer (8081),
# stock-sync load, order-api with the UI (http://localhost:8080). Ctrl-C stops everything.
#   ./run.sh                  build, then run with data in .data/
#   ./run.sh --no-build       run what was built last
#   ./run.sh --data-dir DIR   keep data, logs and pid files in DIR (default .data)
#   ./run.sh --cluster        the production-like topology instead (devstack cluster): Kafka controller +
#                             3 brokers, 3-master Redis Cluster, MariaDB, 2 consumers, 2 APIs and a
#                             balancer on http://localhost:8080; data in .data-cluster/
set -euo pipefail
cd "$(dirname "$0")"
source scripts/java-home.sh
source scripts/prerequisites.sh
source scripts/devstack.sh

build=true
command=run
args=()
for arg in "$@"; do
  case "$arg" in
    --no-build) build=false ;;
    --cluster) command=cluster ;;
    *) args+=("$arg") ;;
  esac
done
# The single Redis falls back to the bundled binary; Redis Cluster needs the real one.
if [ "$command" = cluster ]; then surge_require redis-server:redis-server; fi

if $build; then
  # The UI is built with Node >= 22 (this machine's, or one from npm: scripts/node-env.sh); order-api
  # packages frontend/dist as its static files.
  source scripts/node-env.sh
  if command -v npm >/dev/null 2>&1; then
    echo "Building the UI..."
    (cd frontend && npm ci --no-audit --no-fund --loglevel=error && npm run build --silent)
  else
    echo "npm not found: starting without the UI (install Node.js >= 22 for it)" >&2
  fi
  echo "Building (tests skipped)..."
  ./mvnw -B -q -DskipTests package
fi

surge_devstack 256m 1 "run ./mvnw package first (or ./run.sh without --no-build)" \
  "$command" --home . "${args[@]}"
