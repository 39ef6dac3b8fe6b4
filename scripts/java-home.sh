# Sourced by run.sh and test.sh: exports JAVA_HOME pointing at a JDK >= 21.
# Order: JAVA_HOME if it is >= 21, then /usr/lib/jvm/temurin-25*, then any /usr/lib/jvm/*-2[1-9]*,
# then the `java` on the PATH if it is >= 21.

_surge_java_major() {
  # prints the major version of the JDK at $1 (empty if none)
  local release="$1/release"
  if [ -f "$release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release"
  elif [ -x "$1/bin/java" ]; then
    "$1/bin/java" -XshowSettings:properties -version 2>&1 \
      | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
  fi
}

_surge_pick_java_home() {
  local candidate major
  if [ -n "${JAVA_HOME:-}" ]; then
    major="$(_surge_java_major "$JAVA_HOME")"
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      echo "$JAVA_HOME"
      return 0
    fi
  fi
  for candidate in /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-2[1-9]*; do
    [ -x "$candidate/bin/javac" ] || continue
    major="$(_surge_java_major "$candidate")"
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      echo "$candidate"
      return 0
    fi
  done
  if command -v javac >/dev/null 2>&1; then
    candidate="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
    major="$(_surge_java_major "$candidate")"
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      echo "$candidate"
      return 0
    fi
  fi
  return 1
}

if _surge_java_home="$(_surge_pick_java_home)"; then
  export JAVA_HOME="$_surge_java_home"
  export PATH="$JAVA_HOME/bin:$PATH"
else
  echo "No JDK 21 or newer found: install one (e.g. Temurin 25) or set JAVA_HOME." >&2
  return 1 2>/dev/null || exit 1
fi
unset _surge_java_home
unset -f _surge_java_major _surge_pick_java_home
