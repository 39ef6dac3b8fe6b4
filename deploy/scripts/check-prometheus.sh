#!/usr/bin/env bash
# Validates the compose Prometheus: its configuration, the alert rules, and the rules' unit
# tests (each alert fires on the series it watches). Needs promtool (Debian: the prometheus
# package; .ci/run installs it).
set -euo pipefail
cd "$(dirname "$0")/../prometheus"
if ! command -v promtool >/dev/null; then
  echo "promtool not found: apt-get install prometheus (Debian), or put promtool on PATH" >&2
  exit 1
fi
promtool check config prometheus.yml
promtool check rules alerts.yml
promtool test rules alerts.test.yml
