#!/bin/sh
# Starts one Redis Cluster node: the shared redis.conf, the node's own name for redirects, and the
# password from REDIS_PASSWORD (also used between master and replica). Not in redis.conf, so the
# secret stays in .env.
set -eu
: "${REDIS_PASSWORD:?REDIS_PASSWORD is required}"
exec redis-server /usr/local/etc/redis/redis.conf \
  --cluster-announce-hostname "$(hostname)" \
  --requirepass "${REDIS_PASSWORD}" \
  --masterauth "${REDIS_PASSWORD}"
