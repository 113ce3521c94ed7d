#!/usr/bin/env bash
# Builds Stent and starts the demo application and the admin console on Payara Micro, on the
# server's embedded H2 database. Data lives in ./demo-data and survives restarts.
# Usage: ./run-demo.sh [port]   (default port 8080)
set -euo pipefail
cd "$(dirname "$0")"
port="${1:-8080}"
mvn -B -q -DskipTests package
echo
echo "Starting Payara Micro on http://127.0.0.1:${port}/ ..."
echo "  demo application: http://127.0.0.1:${port}/demo/"
echo "  admin console:    http://127.0.0.1:${port}/stent-admin/"
echo "(Ctrl-C stops it; kill -9 it mid-order and start again to see recovery.)"
exec java -Xmx768m -jar stent-demo/target/payara-micro.jar --nocluster \
  --rootdir "$PWD/demo-data" --port "$port" \
  --deploy stent-demo/target/demo.war --deploy stent-admin-war/target/stent-admin.war
