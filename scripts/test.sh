#!/usr/bin/env bash
# The whole test suite (`npm test`), runnable on a fresh Debian machine with
# Node 20: type check and lint, the vitest suite on PGlite and again on a
# throwaway PostgreSQL 15, then the Playwright journeys in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

# Each section's wall time, printed at the end (pass or fail) so a slow phase shows.
phase_names=()
phase_seconds=()
phase_started=$SECONDS
section() {
  end_phase
  phase_names+=("$*")
  phase_started=$SECONDS
  printf '\n==== %s ====\n' "$*"
}
end_phase() {
  local count=${#phase_names[@]}
  (( count > ${#phase_seconds[@]} )) && phase_seconds+=($((SECONDS - phase_started)))
  return 0
}
print_phases() {
  end_phase
  printf '\nPhase times (wall):\n'
  for i in "${!phase_names[@]}"; do
    printf '  %-45s %4d s\n' "${phase_names[$i]}" "${phase_seconds[$i]:-0}"
  done
  printf '  %-45s %4d s\n' "Total" "$SECONDS"
}

reports="$(mktemp -d -t crescendo-test-reports-XXXXXX)"
pg_pid=""
pg_dir=""
stop_postgres() {
  [[ -n "$pg_pid" ]] || return 0
  # SIGINT is PostgreSQL's fast shutdown; wait for it so its folder can go.
  kill -INT "$pg_pid" 2>/dev/null || true
  for _ in $(seq 1 100); do
    kill -0 "$pg_pid" 2>/dev/null || break
    sleep 0.1
  done
  [[ -n "$pg_dir" ]] && rm -rf "$pg_dir"
  pg_pid=""
}
trap 'status=$?; stop_postgres; rm -rf "$reports"; print_phases; exit $status' EXIT

section "Chromium"
if [[ -x /usr/bin/chromium ]]; then
  echo "Using /usr/bin/chromium."
elif [[ $EUID -eq 0 ]] && command -v apt-get >/dev/null; then
  apt-get update
  apt-get install -y chromium
else
  echo "No /usr/bin/chromium and no way to install it here; Playwright falls back to its own browser."
fi

section "npm install"
# Not `npm ci`: the lockfile made on this registry lacks other platforms' binaries.
npm install --no-audit --no-fund

section "Type check and lint"
# `npm run check`, its two halves side by side: each uses one core, and this machine has two.
npm run typecheck &
typecheck_pid=$!
lint_status=0
npm run lint || lint_status=$?
wait "$typecheck_pid"
(( lint_status == 0 )) || exit "$lint_status"

section "Unit and integration tests on PGlite"
TEST_DATABASE=pglite npx vitest run --reporter=default --reporter=json --outputFile.json="$reports/vitest-pglite.json"

section "Unit and integration tests on PostgreSQL"
pg_status=0
pg_env="$(bash scripts/start-test-postgres.sh)" || pg_status=$?
if [[ $pg_status -eq 3 ]]; then
  echo "SKIPPED: PostgreSQL 15 is not installed, so the suite ran on PGlite only."
elif [[ $pg_status -ne 0 ]]; then
  echo "Could not start the throwaway PostgreSQL (exit $pg_status)." >&2
  exit "$pg_status"
else
  pg_url="$(sed -n 's/^TEST_POSTGRES_URL=//p' <<<"$pg_env")"
  pg_pid="$(sed -n 's/^TEST_POSTGRES_PID=//p' <<<"$pg_env")"
  pg_dir="$(sed -n 's/^TEST_POSTGRES_DIR=//p' <<<"$pg_env")"
  echo "PostgreSQL $pg_url (pid $pg_pid)"
  TEST_DATABASE=postgres TEST_POSTGRES_URL="$pg_url" npx vitest run \
    --reporter=default --reporter=json --outputFile.json="$reports/vitest-postgres.json"
  stop_postgres
fi

section "Production build for the journeys"
npx next build

section "End-to-end journeys (Playwright)"
E2E_PREBUILT=1 PLAYWRIGHT_JSON_OUTPUT_NAME="$reports/playwright.json" npx playwright test --reporter=list,json

end_phase
node scripts/test-summary.mjs "$reports"
