# Sourced by scripts/start.sh, scripts/test.sh and .ci/run: puts in place what the app and its tests
# need on this machine, installing only what is missing.

# Packages from the committed lockfile (npm ci is avoided: the registry lacks other platforms' optional
# packages that the lockfile names). Re-runs only when the lockfile changed since the last install.
ensure_node_modules() {
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm install --no-audit --no-fund
  fi
}

as_root_apt_install() {
  if [ "$(id -u)" != 0 ]; then
    echo "Missing system packages: $*. Install them (apt-get install -y $*) and run again." >&2
    return 1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_chromium() {
  CHROMIUM_PATH=${CHROMIUM_PATH:-/usr/bin/chromium}
  [ -x "$CHROMIUM_PATH" ] || as_root_apt_install chromium
  export CHROMIUM_PATH
}

pg_reachable() {
  node -e '
    const { Client } = require("pg");
    const c = new Client({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 });
    c.connect().then(() => c.query("select 1")).then(() => c.end()).then(() => process.exit(0), () => process.exit(1));
  ' "$1" 2>/dev/null
}

# Sets TEST_DATABASE_URL to an administrative connection on a local Postgres that tests may create
# databases on: the given one, else the machine's cluster on 127.0.0.1:5432 (started or installed when
# needed), else a private trust-auth cluster in a temporary folder (stopped when the script exits).
ensure_postgres() {
  if [ -n "${TEST_DATABASE_URL:-}" ]; then
    pg_reachable "$TEST_DATABASE_URL" && return 0
    echo "TEST_DATABASE_URL is set but not reachable." >&2
    return 1
  fi
  local url="postgresql://postgres@127.0.0.1:5432/postgres"
  if ! pg_reachable "$url"; then
    if ! command -v pg_ctlcluster >/dev/null 2>&1; then as_root_apt_install postgresql || return 1; fi
    local version
    version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)
    if [ -n "$version" ]; then
      pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null || true
      for _ in $(seq 1 20); do pg_reachable "$url" && break; sleep 0.5; done
    fi
  fi
  if pg_reachable "$url"; then
    export TEST_DATABASE_URL="$url"
    return 0
  fi
  start_private_postgres
}

start_private_postgres() {
  local bin port root
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$bin" ] || { echo "No PostgreSQL server binaries found." >&2; return 1; }
  port=${PRIVATE_PGPORT:-55450}
  root=$(mktemp -d "${TMPDIR:-/tmp}/status-pg.XXXXXX")
  chmod 755 "$root"
  local run=()
  if [ "$(id -u)" = 0 ]; then chown postgres "$root"; run=(runuser -u postgres --); fi
  "${run[@]}" "$bin/initdb" -D "$root/data" -U postgres --auth=trust -E UTF8 >/dev/null
  "${run[@]}" "$bin/pg_ctl" -D "$root/data" -l "$root/log" -w \
    -o "-p $port -k $root -c listen_addresses=127.0.0.1" start >/dev/null
  PRIVATE_PG_STOP="${run[*]} $bin/pg_ctl -D $root/data -m fast stop"
  export TEST_DATABASE_URL="postgresql://postgres@127.0.0.1:$port/postgres"
  echo "Started a private PostgreSQL on port $port for this run."
}

stop_private_postgres() {
  if [ -n "${PRIVATE_PG_STOP:-}" ]; then $PRIVATE_PG_STOP >/dev/null 2>&1 || true; fi
}
