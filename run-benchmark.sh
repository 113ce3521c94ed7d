#!/usr/bin/env bash
# Benchmarks W1-W3: Stent on Payara Micro + PostgreSQL beside plain-JDBC floors, in one run.
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres). Not part of the test run.
# Options: -Dbench.workflows=10000 -Dbench.inflight=16 -Dbench.warmup=20000 -Dbench.w2.warmup=20000 -Dbench.w2.warmupRuns=3 -Dbench.repeats=2
set -euo pipefail
cd "$(dirname "$0")"
exec mvn -B -q -DskipTests -Pbench -pl stent-benchmark -am verify "$@"
