#!/usr/bin/env bash
# The analysis figures every change is judged by, in one run (about a minute on a quiet machine):
# the seeds and LitBank table, the fic dev set's rows, and the LitBank "six-partition sum" (speakers
# right summed over six ways of dealing LitBank's documents into the ten cross-validation folds,
# FICARCHIVE_EVAL_FOLD_SEED=0..5; steadier than one partition for small changes).
#
# usage (from the workspace root): eval/measure.sh [TARGET_DIR]
#   TARGET_DIR defaults to $CARGO_TARGET_DIR or ./target; the examples are built first.
set -euo pipefail
cd "$(dirname "$0")/.."
T=${1:-${CARGO_TARGET_DIR:-target}}
SHARED=${FICARCHIVE_SHARED:-../shared}
[ -d "$SHARED/seeds" ] || { echo "$0: no $SHARED/seeds (set FICARCHIVE_SHARED to the shared folder)" >&2; exit 2; }
CARGO_TARGET_DIR=$T cargo build --quiet --release -p ficarchive-analysis --example eval
E=$T/release/examples/eval
rows='speaker accuracy|speaker reachable|B³|scene boundary|POV|character|alias'
"$E" "$SHARED/seeds" "$SHARED/eval/litbank" 2>&1 | grep -E "$rows" || true
echo "fic dev set (first column) and LitBank:"
"$E" eval/fics "$SHARED/eval/litbank" 2>&1 | grep -E "speaker accuracy|scene boundary|POV|character|alias" || true
sum=0
all=""
for s in 0 1 2 3 4 5; do
  v=$(FICARCHIVE_EVAL_FOLD_SEED=$s "$E" "$SHARED/seeds" "$SHARED/eval/litbank" 2>&1 |
    grep "speaker accuracy (found quotes)" | sed -E 's/.*\(([0-9]+)\/[0-9]+\) *\| *$/\1/' | tail -1)
  all="$all $v"
  sum=$((sum + v))
done
echo "six-partition sum $sum ($all )"
