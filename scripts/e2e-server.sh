#!/usr/bin/env bash
# The app as the e2e journeys see it: a production build on PORT, a fresh
# embedded database in a temporary folder (DATA_DIR, made and removed by the
# Playwright run; one of its own when run alone), seeded with the demo data.
set -euo pipefail
cd "$(dirname "$0")/.."
export DATA_DIR="${DATA_DIR:-$(mktemp -d -t crescendo-e2e-XXXXXX)}"
export SEED_DEMO=1
# npm test builds first, as a phase of its own; run alone, the journeys build here.
[[ "${E2E_PREBUILT:-}" == 1 ]] || npx next build
# The production server (scripts/serve.mjs): next start, telling the app each request's socket address.
export HOST=127.0.0.1 PORT="${PORT:?PORT is required}"
# E2E_NODE_FLAGS goes to Node, say "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server through a run.
# shellcheck disable=SC2086 # several flags, split on spaces
exec node ${E2E_NODE_FLAGS:-} scripts/serve.mjs
