#!/usr/bin/env bash
# Writes .env from .env.example with a fresh random value for every `change-me` secret.
# Refuses to overwrite an existing .env (its secrets protect existing volumes).
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ -e .env ]; then
  echo "init-env: .env exists; remove it first to regenerate" >&2
  exit 1
fi
random() { head -c 48 /dev/urandom | base64 | tr -d '/+=\n' | head -c 48; }
umask 077
while IFS= read -r line; do
  if [[ $line =~ ^([A-Z0-9_]+)=change-me ]]; then
    echo "${BASH_REMATCH[1]}=$(random)"
  else
    echo "$line"
  fi
done < .env.example > .env
echo "init-env: wrote .env (mode 600)"
