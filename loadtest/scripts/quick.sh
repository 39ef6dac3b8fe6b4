#!/usr/bin/env bash
# A quick run against a system started with ./run.sh (API on 127.0.0.1:8080, demo users on):
# one curl order, then wrk for a few seconds on one product with per-request Idempotency-Keys.
#   loadtest/scripts/quick.sh [PRODUCT_ID] [SECONDS] [CONNECTIONS]
# Needs curl and wrk (apt-get install -y wrk). 409 answers (sold out) count as wrk "Non-2xx".
set -euo pipefail
cd "$(dirname "$0")/.."
api="${SURGE_API:-http://127.0.0.1:8080}"
product="${1:-1}"
seconds="${2:-5}"
connections="${3:-16}"

token=$(curl -sf "$api/api/auth/token" -H 'Content-Type: application/json' \
  -d '{"username":"alice","password":"surge-alice"}' | sed 's/.*"accessToken":"\([^"]*\)".*/\1/')

echo "One order with curl:"
curl -s -i "$api/api/orders" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" \
  -d "{\"productId\":$product,\"quantity\":1}" | sed -n '1p;$p'
echo

tokens=$(mktemp)
trap 'rm -f "$tokens"' EXIT
echo "$token" > "$tokens"
echo "wrk: ${seconds}s, $connections connections, product $product (the JSON line is the script's done())"
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s wrk/orders.lua "$api" -- "$tokens" "$product" 1 /api/orders
