#!/usr/bin/env bash
# The full chaos suite: three Payara Micro instances on PostgreSQL (127.0.0.1:5432, user postgres)
# run 5,000 workflows while instances are killed with SIGKILL every 10 s and restarted, one is
# stopped with SIGTERM, PostgreSQL is restarted and Stent's connections are terminated. Prints the
# report and writes it to it-tests/target/chaos-report.md. CI runs a shorter version of the same.
# Usage: ./run-chaos.sh [workflows] [kills]     (defaults 5000 and 10)
set -euo pipefail
cd "$(dirname "$0")"
workflows="${1:-5000}"
kills="${2:-10}"
mvn -B -q -DskipTests install
mvn -B verify -pl it-tests -Dit.test=ChaosIT -Dsurefire.skip=true \
  -Dchaos.workflows="$workflows" -Dchaos.kills="$kills" -Dchaos.instances=3 -Dchaos.faultEvery=PT10S
echo
cat it-tests/target/chaos-report.md
