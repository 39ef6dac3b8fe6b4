#!/usr/bin/env bash
# Runs every test: the frontend's unit tests, then the whole Maven build with the integration
# tests against real Kafka, Redis and MySQL (devstack servers, or Testcontainers with Docker).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/java-home.sh

if [ -f frontend/package.json ]; then
  (cd frontend && npm ci --no-audit --no-fund && npm run lint && npm run type-check && npm test)
fi
./mvnw -B verify "$@"
