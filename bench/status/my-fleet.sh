#!/usr/bin/env bash
# Prints SQL that builds COUNT MariaDB databases flotilla_bench_t001 … with Flotilla's version and history
# tables, in the same states as pg-fleet.sql: every 20th without tables, every 97th with a dirty last
# step, the others at r((i % 10) + 1). Usage: bench/status/my-fleet.sh COUNT | mariadb
set -euo pipefail
count=$1
for i in $(seq 1 "$count"); do
  db=$(printf 'flotilla_bench_t%03d' "$i")
  echo "DROP DATABASE IF EXISTS $db; CREATE DATABASE $db;"
  (( i % 20 == 0 )) && continue
  echo "CREATE TABLE $db.flotilla_version (version_num VARCHAR(128) NOT NULL, PRIMARY KEY (version_num)) ENGINE=InnoDB;"
  echo "CREATE TABLE $db.flotilla_history (id BIGINT AUTO_INCREMENT PRIMARY KEY, run_id VARCHAR(36) NOT NULL,
    revision VARCHAR(128) NOT NULL, direction VARCHAR(16) NOT NULL, checksum VARCHAR(64), started_at DATETIME(6) NOT NULL,
    finished_at DATETIME(6), duration_ms BIGINT, outcome VARCHAR(16) NOT NULL, statements_done INTEGER NOT NULL DEFAULT 0,
    statements_total INTEGER NOT NULL DEFAULT 0, done_digest VARCHAR(64), error TEXT, applied_by VARCHAR(255) NOT NULL)
    ENGINE=InnoDB;"
  top=$(( i % 10 + 1 ))
  values=""
  for s in $(seq 1 "$top"); do
    outcome=applied
    (( i % 97 == 0 && s == top )) && outcome=dirty
    values+="${values:+,}('bench-run', 'r$(printf %02d "$s")', 'upgrade', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), 5, '$outcome', 1, 1, 'bench')"
  done
  echo "INSERT INTO $db.flotilla_history (run_id, revision, direction, started_at, finished_at, duration_ms, outcome, statements_done, statements_total, applied_by) VALUES $values;"
  version=$top
  (( i % 97 == 0 )) && version=$(( i % 10 ))
  (( version > 0 )) && echo "INSERT INTO $db.flotilla_version VALUES ('r$(printf %02d "$version")');"
done
