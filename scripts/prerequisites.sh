# Sourced by test.sh and run.sh: makes sure the programs they need are installed, in the first seconds
# (Node.js: scripts/node-env.sh).
#   surge_require COMMAND:DEBIAN_PACKAGE ...
# What is missing is installed with apt-get when this runs as root on Debian/Ubuntu (as CI does);
# otherwise it stops with the one line to run. SURGE_NO_INSTALL=1 only reports.

surge_require() {
  local entry command package missing=()
  for entry in "$@"; do
    command="${entry%%:*}"
    package="${entry#*:}"
    command -v "$command" >/dev/null 2>&1 || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1 && [ -z "${SURGE_NO_INSTALL:-}" ]; then
    echo "Installing ${missing[*]} (apt-get)..." >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
      && return 0
    echo "apt-get could not install ${missing[*]}" >&2
  fi
  if command -v apt-get >/dev/null 2>&1; then
    echo "Missing ${missing[*]}: run  sudo apt-get install -y ${missing[*]}" >&2
  else
    echo "Missing ${missing[*]}: install these programs (Debian/Ubuntu package names), then run again" >&2
  fi
  return 1 2>/dev/null || exit 1
}
