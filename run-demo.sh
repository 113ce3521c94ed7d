#!/usr/bin/env bash
# Builds Stent and starts the demo application and the admin console on Payara Micro, on the
# server's embedded H2 database. Data lives in ./demo-data and survives restarts.
# Usage: ./run-demo.sh [port]   (default port 8080)
set -euo pipefail
cd "$(dirname "$0")"
port="${1:-8080}"
mvn -B -q -DskipTests package
mkdir -p demo-data
# The embedded H2 database closes itself when the JVM is told to stop (SIGTERM, Ctrl-C), before the
# server stops the application; with DB_CLOSE_ON_EXIT=FALSE it stays open until the application has
# drained and released its tasks. (H2 refuses this together with its default AUTO_SERVER mode.)
printf 'set resources.jdbc-connection-pool.H2Pool.property.URL=jdbc:h2:%s/demo-data/lib/databases/embedded_default;DB_CLOSE_ON_EXIT=FALSE\n' \
  "$PWD" > demo-data/postboot.asadmin
echo
echo "Starting Payara Micro on http://127.0.0.1:${port}/ ..."
echo "  demo application: http://127.0.0.1:${port}/demo/"
echo "  admin console:    http://127.0.0.1:${port}/stent-admin/"
echo "(Ctrl-C stops it; kill -9 it mid-order and start again to see recovery.)"
exec java -Xmx768m -jar stent-demo/target/payara-micro.jar --nocluster \
  --rootdir "$PWD/demo-data" --port "$port" --postbootcommandfile "$PWD/demo-data/postboot.asadmin" \
  --deploy stent-demo/target/demo.war --deploy stent-admin-war/target/stent-admin.war
