#!/bin/sh
# One-shot: joins the Redis nodes into a cluster of 3 masters with one replica each.
# Idempotent: does nothing when the cluster already serves all slots (a restart of the stack).
#   REDIS_NODES      space-separated host:port list (default: redis-1..6:6379)
#   REDIS_REPLICAS   replicas per master (default 1)
set -eu
nodes=${REDIS_NODES:-"redis-1:6379 redis-2:6379 redis-3:6379 redis-4:6379 redis-5:6379 redis-6:6379"}
replicas=${REDIS_REPLICAS:-1}
first=${nodes%% *}

cluster_ok() {
  redis-cli -h "${1%:*}" -p "${1##*:}" cluster info 2>/dev/null | grep -q '^cluster_state:ok'
}

if cluster_ok "$first"; then
  echo "redis-cluster-init: cluster already formed"
  exit 0
fi

# CLUSTER MEET takes IP addresses, not names: resolve them here. The nodes still announce their
# names (cluster-announce-hostname), which is what clients see in MOVED redirects and CLUSTER SHARDS.
addresses=""
for node in $nodes; do
  host=${node%:*}
  port=${node##*:}
  ip=$(getent hosts "$host" | awk '{ print $1; exit }')
  if [ -z "$ip" ]; then
    echo "redis-cluster-init: cannot resolve $host" >&2
    exit 1
  fi
  addresses="$addresses $ip:$port"
done

echo "redis-cluster-init: creating the cluster on$addresses"
# shellcheck disable=SC2086
redis-cli --cluster create $addresses --cluster-replicas "$replicas" --cluster-yes

for attempt in $(seq 1 60); do
  all_ok=true
  for node in $nodes; do
    cluster_ok "$node" || all_ok=false
  done
  if $all_ok; then
    echo "redis-cluster-init: cluster_state:ok on every node"
    exit 0
  fi
  sleep 1
done
echo "redis-cluster-init: the cluster did not reach cluster_state:ok within 60 s" >&2
exit 1
