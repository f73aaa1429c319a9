#!/usr/bin/env bash
# The answers of an ONVIF device written by others: the npm `onvif` package (0.8.0 and 0.8.1 only)
# ships the SOAP answers of its authors' mock device (test/serverMockup/*.xml, doT templates) but
# not the mock server's code, and no registry here offers an installable ONVIF device. This
# fetches that answer set with the ordinary npm client and prints the folder holding it; the
# gateway's interop test (NpmMockupDeviceInteropTest) serves it on loopback and onboards it.
#
#   scripts/interop/onvif-npm-mockup.sh DIR
#
# Exit codes: 0 printed, 64 usage, 65 npm pack failed, 66 the package holds no answers.
set -euo pipefail
if [ $# -ne 1 ]; then
  echo "usage: $0 DIR" >&2
  exit 64
fi
dir="$1"
mkdir -p "$dir"
if [ ! -d "$dir/package/test/serverMockup" ]; then
  if ! (cd "$dir" && npm pack --silent 'onvif@0.8.1' >npm-pack.log 2>&1); then
    echo "npm pack onvif@0.8.1 failed:" >&2
    cat "$dir/npm-pack.log" >&2 || true
    exit 65
  fi
  tar -xzf "$dir/onvif-0.8.1.tgz" -C "$dir" package/test/serverMockup package/LICENSE package/package.json
fi
[ -f "$dir/package/test/serverMockup/GetDeviceInformation.xml" ] || { echo "no mock answers in $dir" >&2; exit 66; }
echo "$dir/package/test/serverMockup"
