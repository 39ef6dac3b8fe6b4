# Sourced by run.sh and scripts/chaos.sh, from the repository root, after scripts/java-home.sh.
#   surge_devstack HEAP NOT_BUILT_EXIT HINT ARGS...
# Replaces the shell with the built devstack (dev.surge.devstack.Devstack ARGS...) in a JVM of
# -Xmx HEAP; when devstack is not built, prints HINT and exits with NOT_BUILT_EXIT.

surge_devstack() {
  local heap="$1" not_built_exit="$2" hint="$3"
  shift 3
  local classpath_file=devstack/target/classes/dev/surge/devstack/kafka.classpath
  if [ ! -f "$classpath_file" ]; then
    echo "devstack is not built: $hint" >&2
    exit "$not_built_exit"
  fi
  # Not a fat jar: the Kafka broker runs in a child JVM and needs the real classpath.
  exec "$JAVA_HOME/bin/java" "-Xmx$heap" -XX:+ExitOnOutOfMemoryError \
    -cp "devstack/target/classes:$(cat "$classpath_file")" \
    dev.surge.devstack.Devstack "$@"
}
