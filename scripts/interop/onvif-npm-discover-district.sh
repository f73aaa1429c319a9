#!/usr/bin/env bash
# Interoperability: the npm `onvif` package discovers the simulated Nông Sơn district's cameras
# with a multicast WS-Discovery Probe. Everything runs inside a network namespace made for the
# occasion (unshare -rn, loopback only, multicast routed to lo), so no packet reaches a real network.
# Usage (from the repository root, after `mvn -B -q -DskipTests package`): scripts/interop/onvif-npm-discover-district.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
here=scripts/interop

work="${ONVIF_NPM_DIR:-$(mktemp -d)}"
if [ ! -f "$work/node_modules/onvif/package.json" ]; then
  (cd "$work" && npm install --no-audit --no-fund --no-package-lock --silent 'onvif@^0.8' >/dev/null)
fi
cp_file=$(mktemp)
# with its upstream modules from this tree (-am, compiled): nothing of the project need be installed in ~/.m2
mvn -B -q -pl camera-simulator -am compile dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
classpath="camera-simulator/target/classes:$(cat "$cp_file")"
log=$(mktemp)

# Inside the namespace: bring lo up, route multicast to it, start the district, probe, stop.
status=0
unshare -rn env CP="$classpath" LOG="$log" NODE_PATH="$work/node_modules" HERE="$here" sh -c '
  ip link set lo up && ip route add 224.0.0.0/4 dev lo || exit 3
  java -cp "$CP" io.canhgac.simulator.SimulatorMain >"$LOG" 2>&1 &
  sim=$!
  trap "kill $sim 2>/dev/null; wait $sim 2>/dev/null" EXIT
  for i in $(seq 1 300); do
    grep -q "Camera simulator serving 46 cameras" "$LOG" && break
    kill -0 $sim 2>/dev/null || { cat "$LOG"; exit 4; }
    sleep 1
  done
  sleep 2
  node "$HERE/onvif-npm-discover.js" 46
' || status=$?
if [ $status = 0 ]; then echo "discovery interop: 1 passed, 0 failed"; else echo "discovery interop: 0 passed, 1 failed"; fi
exit $status
