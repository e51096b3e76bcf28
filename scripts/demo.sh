#!/usr/bin/env bash
# Quick start: install, build and start Crescendo on the embedded default
# (PGlite under .data/), with the demo workspace seeded when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
npm install --no-audit --no-fund
npx next build
export SEED_DEMO=1
echo "Crescendo: starting at http://localhost:${PORT:-3000} (sign in as admin@demo.test / crescendo-demo)"
export HOST="${HOST:-127.0.0.1}" PORT="${PORT:-3000}"
exec node scripts/serve.mjs
