#!/usr/bin/env bash
# The `analyze` JSON of the seeds, the fic dev set and every LitBank text, one file each, for the
# "same output" check of a refactor or a speed change: dump before and after, then `diff -rq`.
#
# usage (from the workspace root): eval/dump.sh OUT_DIR [TARGET_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:?usage: eval/dump.sh OUT_DIR [TARGET_DIR]}
T=${2:-${CARGO_TARGET_DIR:-target}}
SHARED=${FICARCHIVE_SHARED:-../shared}
[ -d "$SHARED/seeds" ] || { echo "$0: no $SHARED/seeds (set FICARCHIVE_SHARED to the shared folder)" >&2; exit 2; }
CARGO_TARGET_DIR=$T cargo build --quiet --release -p ficarchive-analysis --example analyze
mkdir -p "$OUT"
for f in "$SHARED"/seeds/*.txt eval/fics/*.txt "$SHARED"/eval/litbank/quotations/tsv/*.txt; do
  "$T/release/examples/analyze" "$f" > "$OUT/$(basename "$f").json" 2>/dev/null
done
echo "$(ls "$OUT" | wc -l) files in $OUT"
