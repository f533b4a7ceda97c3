#!/usr/bin/env bash
# Renders a run's report page in headless Chromium and saves a screenshot: a look at the report
# as a reader sees it.
#
#   scripts/report-screenshot.sh RUN OUT.png [WIDTH] [HEIGHT]
#
# RUN is a run directory (or a report's .html file). Without RUN/report.html the report is written
# first with `numevo report RUN`. Chromium is installed with apt-get (Debian's package, as root,
# non-interactive) when absent. WIDTH and HEIGHT (default 1200 and 6000) are the window's size in
# CSS pixels: the screenshot shows that much of the page from its top.
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 RUN OUT.png [WIDTH] [HEIGHT]" >&2
  exit 2
fi
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN="$1"
OUT="$2"
WIDTH="${3:-1200}"
HEIGHT="${4:-6000}"
if [ -d "$RUN" ]; then
  PAGE="$RUN/report.html"
  [ -f "$PAGE" ] || "$ROOT/numevo" report "$RUN" >/dev/null
else
  PAGE="$RUN"
fi
if [ ! -f "$PAGE" ]; then
  echo "$0: $PAGE: no such report page" >&2
  exit 1
fi
CHROMIUM="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$CHROMIUM" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "$0: chromium is not installed; run as root to install it (apt-get install chromium)" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
  CHROMIUM="$(command -v chromium)"
fi
PAGE_ABS="$(cd "$(dirname "$PAGE")" && pwd)/$(basename "$PAGE")"
OUT_ABS="$(cd "$(dirname "$OUT")" && pwd)/$(basename "$OUT")"
rm -f "$OUT_ABS"
# A profile of its own: no state shared with another Chromium, none left behind.
PROFILE="$(mktemp -d)"
trap 'rm -rf "$PROFILE"' EXIT
"$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars \
  --user-data-dir="$PROFILE" --window-size="$WIDTH,$HEIGHT" \
  --screenshot="$OUT_ABS" "file://$PAGE_ABS" >/dev/null 2>&1
if [ ! -s "$OUT_ABS" ]; then
  echo "$0: chromium wrote no screenshot to $OUT" >&2
  exit 1
fi
echo "$OUT"
