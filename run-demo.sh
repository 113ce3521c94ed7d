#!/usr/bin/env bash
# Builds Stent and starts the demo application and the admin console on Payara Micro, on the
# server's embedded H2 database. Data lives in ./demo-data and survives restarts.
# Usage: ./run-demo.sh [port]   (default port 8080)
set -euo pipefail
cd "$(dirname "$0")"
port="${1:-8080}"
echo "Building Stent (about a minute the first time) ..."
mvn -B -q -DskipTests package
mkdir -p demo-data
# The embedded H2 database closes itself when the JVM is told to stop (SIGTERM, Ctrl-C), before the
# server stops the application; with DB_CLOSE_ON_EXIT=FALSE it stays open until the application has
# drained and released its tasks. (H2 refuses this together with its default AUTO_SERVER mode.)
printf 'set resources.jdbc-connection-pool.H2Pool.property.URL=jdbc:h2:%s/demo-data/lib/databases/embedded_default;DB_CLOSE_ON_EXIT=FALSE\n' \
  "$PWD" > demo-data/postboot.asadmin

# The console's demo users (stent.console.auth=users): made once, kept in demo-data.
users=demo-data/console-users.env
if [ ! -f "$users" ]; then
  {
    echo "STENT_CONSOLE_USER_ADMIN_PASSWORD=$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
    echo "STENT_CONSOLE_USER_VIEWER_PASSWORD=$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
  } > "$users"
  chmod 600 "$users"
fi
set -a
# shellcheck disable=SC1090
. "$users"
STENT_CONSOLE_AUTH=users
STENT_CONSOLE_USERS=admin,viewer
STENT_CONSOLE_USER_ADMIN_ROLES=stent-admin
STENT_CONSOLE_USER_VIEWER_ROLES=stent-viewer
set +a

# On the first start, sample orders give every console view something to show: one completes,
# one sleeps, one waits for an approval signal, one ships for ten minutes, one fails.
seed() {
  [ -f demo-data/seeded ] && return
  for order in '"sample-done","item":"book","quantity":1,"unitCents":1299' \
               '"sample-preorder","item":"preorder","quantity":1,"unitCents":2599' \
               '"sample-bulk","item":"book","quantity":20,"unitCents":999' \
               '"sample-freight","item":"freight","quantity":2,"unitCents":15000' \
               '"sample-free","item":"book","quantity":1,"unitCents":0'; do
    curl -fs -o /dev/null -H 'Content-Type: application/json' -d "{\"orderRef\":${order}}" \
      "http://127.0.0.1:${port}/demo/api/orders" || echo "could not place the sample order ${order%%,*}"
  done
  touch demo-data/seeded
  echo "  sample orders placed: completed, sleeping (preorder), waiting for approval (20 items),"
  echo "  running (freight ships for ten minutes) and failed (price 0, in the dead-letter queue)"
}

echo "Starting Payara Micro on http://127.0.0.1:${port}/ (Ctrl-C stops it; kill -9 it mid-order and start again to see recovery) ..."
java -Xmx768m -jar stent-demo/target/payara-micro.jar --nocluster \
  --rootdir "$PWD/demo-data" --port "$port" --postbootcommandfile "$PWD/demo-data/postboot.asadmin" \
  --deploy stent-demo/target/demo.war --deploy stent-admin-war/target/stent-admin.war &
server=$!
trap 'kill -TERM "$server" 2>/dev/null; wait "$server"' INT TERM

for _ in $(seq 1 240); do
  if curl -fs -o /dev/null "http://127.0.0.1:${port}/stent-admin/login.html" \
      && curl -fs -o /dev/null "http://127.0.0.1:${port}/demo/"; then
    echo
    echo "Ready."
    echo "  demo application: http://127.0.0.1:${port}/demo/"
    echo "  admin console:    http://127.0.0.1:${port}/stent-admin/"
    echo "    administrator:  admin / ${STENT_CONSOLE_USER_ADMIN_PASSWORD}"
    echo "    viewer:         viewer / ${STENT_CONSOLE_USER_VIEWER_PASSWORD}"
    echo "    (kept in ${users})"
    seed
    break
  fi
  kill -0 "$server" 2>/dev/null || break
  sleep 1
done
wait "$server"
