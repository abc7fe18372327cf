#!/usr/bin/env bash
# Runs every formats fuzz target for SECONDS each (default 240), JOBS at a time (default 2),
# seeded with the real fixtures. Build first (stable toolchain; cargo-fuzz needs nightly flags):
#   RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR=/work/targets/formats/fuzz cargo fuzz build -O
# Logs go to fuzz/logs/<target>.log; crashes to fuzz/artifacts/<target>/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
fx="$here/../tests/fixtures"
bin="${CARGO_TARGET_DIR:-$here/target}/x86_64-unknown-linux-gnu/release"
seconds="${SECONDS_EACH:-240}"
jobs="${JOBS:-2}"
mkdir -p "$here/logs"
seeds() {
  case "$1" in
    rich_epub) echo "$fx/ao3/keeper_multichapter.epub $fx/fanficfare/*.epub $fx/pandoc/*.epub" ;;
    rich_ao3_html) echo "$fx/ao3/*.html" ;;
    rich_fff_html) echo "$fx/fanficfare/*.html" ;;
    rich_html) echo "$fx/pandoc/*.html $fx/ao3/*.html" ;;
    rich_markdown) echo "$fx/pandoc/*.md" ;;
    rich_fff_txt) echo "$fx/fanficfare/*.txt" ;;
    rich_json) echo "" ;;
    front_door) echo "$fx/ao3/* $fx/fanficfare/* $fx/pandoc/*" ;;
  esac
}
run() {
  local t="$1" dir="$here/corpus/$1"
  mkdir -p "$dir" "$here/artifacts/$t"
  # shellcheck disable=SC2046
  cp $(seeds "$t") "$dir/" 2>/dev/null || true
  "$bin/$t" "$dir" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -max_len=262144 \
    -artifact_prefix="$here/artifacts/$t/" >"$here/logs/$t.log" 2>&1 \
    && echo "$t: ok, $(grep -c . "$here/logs/$t.log") log lines, $(tail -n 1 "$here/logs/$t.log")" \
    || echo "$t: FAILED, see logs/$t.log"
}
export -f run seeds
export here fx bin seconds
printf '%s\n' rich_epub rich_ao3_html rich_fff_html rich_html rich_markdown rich_fff_txt rich_json front_door \
  | xargs -P "$jobs" -I{} bash -c 'run {}'
