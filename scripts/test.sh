#!/usr/bin/env bash
# Runs every test of ficarchive on a fresh machine: installs the system tools the tests use
# (epubcheck, chromium + chromium-driver, nodejs + npm for the browser tests) when missing and we are root,
# then runs the whole workspace's tests. Tests that need a missing tool say SKIP loudly,
# and fail instead when CI=true.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v epubcheck >/dev/null 2>&1 || need+=(epubcheck)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
command -v npm >/dev/null 2>&1 || need+=(nodejs npm)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "== installing system packages: ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "== WARNING: missing ${need[*]}; the tests that need them will SKIP (run as root to install)"
  fi
fi

# PostgreSQL backs the store's second implementation; start the local cluster if it is installed but down.
if command -v pg_ctlcluster >/dev/null 2>&1 && ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start 2>/dev/null || true
fi

if [ -f crates/web/e2e/package.json ] && command -v npm >/dev/null 2>&1; then
  (cd crates/web/e2e && npm ci --no-audit --no-fund --silent 2>/dev/null || npm install --no-audit --no-fund --silent)
fi

# Benches are run with `cargo bench`; here every library, binary, test and example is built and tested.
cargo test --workspace --locked --lib --bins --tests --examples
