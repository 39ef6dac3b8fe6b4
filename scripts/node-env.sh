# Sourced by run.sh and test.sh (so .ci/run too): puts a Node.js >= 22, a maintained LTS, first on
# the PATH. The `node` on the PATH when it is new enough; otherwise the npm registry's `node` package
# (Node 24, the active LTS), installed once with the older npm into .tools/node.

_surge_node_major() {
  "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0
}

_surge_node_tools="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.tools/node"
if command -v node >/dev/null 2>&1 && [ "$(_surge_node_major node)" -ge 22 ]; then
  :
elif [ -x "$_surge_node_tools/node_modules/.bin/node" ] \
    && [ "$(_surge_node_major "$_surge_node_tools/node_modules/.bin/node")" -ge 22 ]; then
  export PATH="$_surge_node_tools/node_modules/.bin:$PATH"
elif command -v npm >/dev/null 2>&1; then
  echo "Node.js $(node --version 2>/dev/null || echo '(none)') is older than 22: installing Node 24 from npm into .tools/node" >&2
  npm install --prefix "$_surge_node_tools" --no-save --no-audit --no-fund --loglevel=error node@24 >&2 \
    && export PATH="$_surge_node_tools/node_modules/.bin:$PATH"
else
  echo "No Node.js >= 22 and no npm to fetch one: install Node.js 22 or newer." >&2
fi
unset _surge_node_tools
unset -f _surge_node_major
