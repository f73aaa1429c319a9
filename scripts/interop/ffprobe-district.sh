#!/usr/bin/env bash
# Interoperability: FFmpeg's ffprobe plays every stream of the simulated Nông Sơn district over
# RTSP/TCP with the cameras' credentials, and is refused without them.
# Usage (from the repository root, after `mvn -B -q -DskipTests package`): scripts/interop/ffprobe-district.sh
# Uses Debian's ffprobe if installed, else the one bundled in JavaCV (which needs Debian's libpulse0).
set -euo pipefail
cd "$(dirname "$0")/../.."
RTSP_PORT=${RTSP_PORT:-28554}
CONTROL_PORT=${CONTROL_PORT:-28555}
ONVIF_PORT=${ONVIF_PORT:-28899}

cp_file=$(mktemp)
# with its upstream modules from this tree (-am, compiled): nothing of the project need be installed in ~/.m2
mvn -B -q -pl camera-simulator -am compile dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
classpath="camera-simulator/target/classes:$(cat "$cp_file")"

if command -v ffprobe >/dev/null 2>&1; then
  FFPROBE=$(command -v ffprobe)
else
  jar=$(tr ':' '\n' <"$cp_file" | grep 'ffmpeg-.*-linux-x86_64.jar' | head -1)
  bin=$(mktemp -d)
  unzip -q -o "$jar" 'org/bytedeco/ffmpeg/linux-x86_64/*' -d "$bin"
  FFPROBE="$bin/org/bytedeco/ffmpeg/linux-x86_64/ffprobe"
  chmod +x "$FFPROBE"
  export LD_LIBRARY_PATH="$(dirname "$FFPROBE")"
fi
echo "ffprobe: $FFPROBE ($("$FFPROBE" -version | head -1))"

log=$(mktemp)
java -cp "$classpath" io.canhgac.simulator.SimulatorMain --rtsp-port "$RTSP_PORT" --control-port "$CONTROL_PORT" --onvif-port "$ONVIF_PORT" >"$log" 2>&1 &
sim=$!
trap 'kill "$sim" 2>/dev/null || true; wait "$sim" 2>/dev/null || true' EXIT

echo "waiting for the simulator (the first run encodes the scenes, a few minutes)…"
for _ in $(seq 1 600); do
  ready=$(curl -s "http://127.0.0.1:$CONTROL_PORT/cameras" | grep -o '"mainReady":true' | wc -l || true)
  [ "$ready" = 46 ] && break
  kill -0 "$sim" 2>/dev/null || { echo "simulator exited:"; cat "$log"; exit 1; }
  sleep 1
done
[ "$ready" = 46 ] || { echo "simulator not ready"; exit 1; }

urlencode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }
probe() {
  "$FFPROBE" -v error -analyzeduration 500000 -probesize 100000 -rtsp_transport tcp -select_streams v:0 \
    -show_entries stream=codec_name,width,height -of csv=p=0 "$1" 2>&1 || true
}
pass=0; fail=0
while IFS=' ' read -r id url; do
  for stream in sub main; do
    u="${url%/sub}/$stream"
    want=$([ "$stream" = main ] && echo "h264,1280,720" || echo "h264,640,360")
    out=""
    # a camera whose scene scripts a reboot or an outage may be down for up to 15 s: try for 25 s
    for _ in 1 2 3 4 5 6; do
      out=$(probe "$u")
      [ "$out" = "$want" ] && break
      sleep 5
    done
    if [ "$out" = "$want" ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL $id $stream: $out"; fi
  done
done < <(grep -E '^[A-Z]+-[0-9]+ rtsp://' "$log")

# without credentials, or with a wrong password, the camera must refuse with 401
first=$(grep -m1 -oE 'rtsp://[^ ]+' "$log")
for u in "$(echo "$first" | sed 's#//[^@]*@#//#')" "$(echo "$first" | sed 's#//[^:]*:[^@]*@#//admin:wrong@#')"; do
  out=$(probe "$u")
  if echo "$out" | grep -q '401 Unauthorized'; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1)); echo "FAIL: $u was not refused with 401: $out"
  fi
done
echo "interop: $pass passed, $fail failed"
[ "$fail" = 0 ]
