#!/usr/bin/env bash
# The chaos run: a fresh system (devstack servers on random ports, 2 APIs, 2 consumers, data in
# .data-chaos/, wiped first), N orders from many clients while Kafka, Redis, MySQL, an API and a
# consumer are killed and restarted at random moments; then the drain and a verdict table.
# Exit code 0 when every check holds, 1 on a violation, 2 when the run failed.
#   scripts/chaos.sh                               200,000 orders (needs ./mvnw package first)
#   scripts/chaos.sh --orders 3000 --rate 60 --kills 1   the CI smoke
#   scripts/chaos.sh --help                        every option
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-home.sh
source scripts/devstack.sh

surge_devstack 1g 2 "run ./mvnw -B -DskipTests package first" chaos --home . "$@"
