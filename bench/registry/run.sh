#!/usr/bin/env bash
# Registry benchmark: 100,000 tenants (override with COUNT=...) written as YAML and CSV, each loaded,
# validated and selected in a fresh JVM with -Xmx256m, RUNS times each (default 3). Prints one line per
# run, the load average before and after, and the whole process's wall and CPU time (JVM start included).
# JAVA_OPTS adds JVM options (e.g. JAVA_OPTS=-XX:TieredStopAtLevel=1).
# Usage: bench/registry/run.sh   (from anywhere; compiles tenant-registry in the reactor, offline if it can)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
count="${COUNT:-100000}"
runs="${RUNS:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$root"
# compile, not install: the benchmark reads target/classes and never touches the local repository
mvn -q -o -B -pl tenant-registry -am compile 2>/dev/null || mvn -q -B -pl tenant-registry -am compile
snakeyaml_version="$(sed -n 's:.*<snakeyaml.version>\(.*\)</snakeyaml.version>.*:\1:p' pom.xml)"
classpath="$root/tenant-registry/target/classes:$HOME/.m2/repository/org/snakeyaml/snakeyaml-engine/$snakeyaml_version/snakeyaml-engine-$snakeyaml_version.jar"

javac -d "$work/classes" -cp "$classpath" bench/registry/RegistryBench.java
java -cp "$work/classes:$classpath" RegistryBench generate "$work" "$count"
ls -l "$work"/tenants.* | awk '{print $5, $9}' | sed "s:$work/::"
echo "java $(java -version 2>&1 | head -1), $(nproc) CPUs; load before: $(uptime | sed 's/.*load average: //')"
for file in tenants.yaml tenants.csv; do
  for _ in $(seq "$runs"); do
    # shellcheck disable=SC2086
    /usr/bin/time -f "  process: %e s wall, %U s user + %S s system CPU" \
      java -Xmx256m ${JAVA_OPTS:-} -cp "$work/classes:$classpath" RegistryBench run "$work/$file"
  done
done
echo "load after: $(uptime | sed 's/.*load average: //')"
