#!/usr/bin/env bash
# Registry benchmark: 100,000 tenants (override with COUNT=...) written as YAML and CSV, each loaded,
# validated and selected in a fresh JVM with -Xmx256m. Prints one line per format.
# Usage: bench/registry/run.sh   (from anywhere; builds tenant-registry first, offline if it can)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
count="${COUNT:-100000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$root"
mvn -q -o -pl tenant-registry -am install -DskipTests 2>/dev/null || mvn -q -pl tenant-registry -am install -DskipTests
snakeyaml_version="$(sed -n 's:.*<snakeyaml.version>\(.*\)</snakeyaml.version>.*:\1:p' pom.xml)"
classpath="$root/tenant-registry/target/classes:$HOME/.m2/repository/org/snakeyaml/snakeyaml-engine/$snakeyaml_version/snakeyaml-engine-$snakeyaml_version.jar"

javac -d "$work/classes" -cp "$classpath" bench/registry/RegistryBench.java
java -cp "$work/classes:$classpath" RegistryBench generate "$work" "$count"
ls -l "$work"/tenants.* | awk '{print $5, $9}' | sed "s:$work/::"
echo "java $(java -version 2>&1 | head -1), $(nproc) CPUs"
for file in tenants.yaml tenants.csv; do
  java -Xmx256m -cp "$work/classes:$classpath" RegistryBench run "$work/$file"
done
