#!/usr/bin/env bash
# `make demo`: Charter's main job, offline, on the bundled default spec.
set -euo pipefail
cd "$(dirname "$0")/.."
CHARTER=.venv/bin/charter
OUT=${DEMO_OUT:-out/demo}
rm -rf "$OUT"
mkdir -p "$OUT"
STORE="$OUT/charter.db"

echo "== 1. lint the bundled default spec"
$CHARTER spec lint default

echo
echo "== 2. what the spec holds"
$CHARTER spec show default | sed -n '1,/^$/p'

echo "== 3. the spec as a public web site"
site=$($CHARTER spec render default -o "$OUT/site")
echo "site: $site"

echo
echo "== 4. a test suite from the spec: its examples and eval prompts, authority and bias variants"
$CHARTER suite build spec default --variants authority,bias -o "$OUT/suite.jsonl"

echo
echo "== 5. audit two scripted models with the embedded judges (offline)"
for model in cautious compliant; do
  $CHARTER audit run --suite "$OUT/suite.jsonl" --model "mock/$model" --store "$STORE" \
    --concurrency 16 --summary-md "$OUT/$model.md"
  echo
done

echo "== 6. compare them, statement by statement"
runs=$($CHARTER audit list --store "$STORE" | awk '{print $1}')
newest=$(echo "$runs" | sed -n 1p)
oldest=$(echo "$runs" | sed -n 2p)
$CHARTER audit compare "$oldest" "$newest" --store "$STORE" | sed -n '1,25p'

echo
echo "== 7. one offline HTML report with both models"
report=$($CHARTER audit report "$oldest" "$newest" --store "$STORE" -o "$OUT/report.html")
echo "report: $report"

echo
echo "== 8. the spec compiled into a system prompt (first lines, 4000-character budget)"
$CHARTER spec prompt default --max-chars 4000 > "$OUT/prompt.txt"
head -n 8 "$OUT/prompt.txt"
echo "... full prompt: $OUT/prompt.txt ($(wc -c < "$OUT/prompt.txt") characters)"
