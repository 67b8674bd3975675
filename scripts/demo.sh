#!/usr/bin/env bash
# `make demo`: Charter's main job, offline, on the bundled default spec.
set -euo pipefail
cd "$(dirname "$0")/.."
CHARTER=.venv/bin/charter
OUT=${DEMO_OUT:-out/demo}
mkdir -p "$OUT"

echo "== 1. lint the bundled default spec"
$CHARTER spec lint default

echo
echo "== 2. what the spec holds"
$CHARTER spec show default | sed -n '1,/^$/p'

echo "== 3. the spec as a public web site"
site=$($CHARTER spec render default -o "$OUT/site")
echo "site: $site"

echo
echo "== 4. the spec compiled into a system prompt (first lines, 4000-character budget)"
$CHARTER spec prompt default --max-chars 4000 > "$OUT/prompt.txt"
head -n 12 "$OUT/prompt.txt"
echo "... full prompt: $OUT/prompt.txt ($(wc -c < "$OUT/prompt.txt") characters)"
