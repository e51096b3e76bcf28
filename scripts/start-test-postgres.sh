#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 for the test suite: a fresh temp data folder,
# trust auth, no fsync, listening on 127.0.0.1 only, on a free port.
#
# On success prints KEY=value lines to stdout, for `eval`:
#   TEST_POSTGRES_URL  superuser URL (postgres://postgres@127.0.0.1:PORT/postgres)
#   TEST_POSTGRES_PID  the server's PID; stop it with `kill -INT PID`
#   TEST_POSTGRES_DIR  temp folder to delete once the server has stopped
# Exits 3 when the PostgreSQL 15 binaries are not installed (callers skip then).
set -euo pipefail

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
readonly EXIT_NO_POSTGRES=3

for tool in initdb pg_ctl postgres; do
  if [[ ! -x "$PG_BIN/$tool" ]]; then
    echo "PostgreSQL 15 is not installed here: $PG_BIN/$tool is missing." >&2
    echo "On Debian: apt-get install -y postgresql-15 (or set PG_BIN to its bin folder)." >&2
    exit "$EXIT_NO_POSTGRES"
  fi
done

# PostgreSQL refuses to run as root: as root, run it as the `postgres` OS user.
if [[ $EUID -eq 0 ]]; then
  if ! id postgres >/dev/null 2>&1; then
    useradd --system --user-group --no-create-home --shell /usr/sbin/nologin postgres
  fi
  as_server_user() { runuser -u postgres -- "$@"; }
else
  as_server_user() { "$@"; }
fi

dir="$(mktemp -d "${TMPDIR:-/tmp}/crescendo-pg.XXXXXX")"
[[ $EUID -eq 0 ]] && chown postgres: "$dir"
started=0
cleanup_on_failure() { [[ $started -eq 1 ]] || rm -rf "$dir"; }
trap cleanup_on_failure EXIT

as_server_user "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust --no-sync --no-locale -E UTF8 >"$dir/initdb.log" 2>&1 ||
  { cat "$dir/initdb.log" >&2; exit 1; }

free_port() {
  node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

# Another process may take the port between picking and binding it: try a few.
for _ in 1 2 3 4 5; do
  port="$(free_port)"
  # The socket goes in the temp folder: /var/run/postgresql may not exist or be writable.
  if as_server_user "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 30 start \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    >/dev/null; then
    started=1
    break
  fi
done
if [[ $started -ne 1 ]]; then
  echo "PostgreSQL did not start; its log:" >&2
  cat "$dir/postgres.log" >&2 || true
  exit 1
fi

echo "TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:$port/postgres"
echo "TEST_POSTGRES_PID=$(head -n 1 "$dir/data/postmaster.pid")"
echo "TEST_POSTGRES_DIR=$dir"
