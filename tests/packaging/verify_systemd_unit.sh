#!/usr/bin/env bash
# Checks packaging/gazette.service the way systemd would load it, offline (no systemd running,
# as in a container): `systemd-analyze verify` must say nothing at all — an unknown or misspelt
# directive is only a warning there, so any output fails — and `systemd-analyze security`
# must rate the sandbox's exposure at most EXPOSURE (out of 10).
# Usage: verify_systemd_unit.sh UNIT GAZETTE_BINARY EXPOSURE
set -euo pipefail
unit=$1 binary=$2 exposure=$3

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# verify checks that ExecStart's program exists: point it at the binary just built.
sed "s|/usr/local/bin/gazette|$binary|" "$unit" > "$work/gazette.service"

if ! output=$(systemd-analyze verify --man=no "$work/gazette.service" 2>&1) || [ -n "$output" ]; then
  echo "systemd-analyze verify found problems in $unit:" >&2
  echo "$output" >&2
  exit 1
fi
# The threshold is in tenths: 20 is an exposure of 2.0 ("OK" goes up to 4.9 in systemd's words).
if ! systemd-analyze security --offline=yes --threshold="$exposure" "$work/gazette.service" >"$work/security" 2>&1; then
  cat "$work/security" >&2
  echo "the sandbox of $unit is weaker than an exposure of $exposure tenths" >&2
  exit 1
fi
tail -1 "$work/security"
