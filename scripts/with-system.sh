#!/usr/bin/env bash
# Starts the whole system as ./run.sh does (built jars, data in a throw-away directory), runs the
# given command against it, then stops everything. Exits with the command's status.
#   scripts/with-system.sh 'cd frontend && npm run e2e'
set -euo pipefail
cd "$(dirname "$0")/.."
data_dir="${SURGE_DATA_DIR:-target/system-run}"
rm -rf "$data_dir"
mkdir -p "$data_dir"

./run.sh --no-build --data-dir "$data_dir" > "$data_dir/run.log" 2>&1 &
system_pid=$!
stop_system() {
  kill -TERM "$system_pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$system_pid" 2>/dev/null || return 0; sleep 1; done
  kill -KILL "$system_pid" 2>/dev/null || true
}
trap stop_system EXIT

for _ in $(seq 1 240); do
  if curl -sf http://127.0.0.1:8080/actuator/health >/dev/null 2>&1; then break; fi
  if ! kill -0 "$system_pid" 2>/dev/null; then
    echo "The system did not start:" >&2
    tail -40 "$data_dir/run.log" >&2
    exit 1
  fi
  sleep 1
done
curl -sf http://127.0.0.1:8080/actuator/health >/dev/null || { echo "No health after 240 s" >&2; tail -40 "$data_dir/run.log" >&2; exit 1; }
echo "System up (log: $data_dir/run.log)"

bash -c "$1"
