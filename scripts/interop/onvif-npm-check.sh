#!/usr/bin/env bash
# Interoperability check of a simulated ONVIF camera against a third-party client, the npm
# `onvif` package: connects with WS-Security PasswordDigest, reads the device information, the
# media profiles and each profile's RTSP URI, and prints them as one JSON line prefixed RESULT.
#
#   scripts/interop/onvif-npm-check.sh HOST PORT USERNAME PASSWORD
#
# HOST must be a loopback address: this script never talks to a real network. The package is
# installed into $ONVIF_NPM_DIR if set (and reused there), else into a temporary folder.
# Exit codes: 0 checked, 1 the client failed against the device, 64 usage, 65 npm install failed.
set -euo pipefail

if [ $# -ne 4 ]; then
  echo "usage: $0 HOST PORT USERNAME PASSWORD" >&2
  exit 64
fi
case "$1" in
  127.*|localhost) ;;
  *) echo "refusing $1: the interop check runs against loopback only" >&2; exit 64 ;;
esac

here="$(cd "$(dirname "$0")" && pwd)"
if [ -n "${ONVIF_NPM_DIR:-}" ]; then
  work="$ONVIF_NPM_DIR"
  mkdir -p "$work"
else
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
fi
if [ ! -f "$work/node_modules/onvif/package.json" ]; then
  if ! (cd "$work" && npm install --no-audit --no-fund --no-package-lock --silent 'onvif@^0.8' >/dev/null 2>"$work/npm-install.log"); then
    echo "npm install onvif failed:" >&2
    cat "$work/npm-install.log" >&2 || true
    exit 65
  fi
fi
echo "onvif package $(node -p "require('$work/node_modules/onvif/package.json').version")" >&2
NODE_PATH="$work/node_modules" exec node "$here/onvif-npm-check.js" "$@"
