#!/usr/bin/env bash
# npm start: install, migrate, seed an empty demo database, build when the sources changed, and serve
# on http://localhost:3000 (PORT and HOSTNAME override). Without DATABASE_URL the data lives in the
# embedded database under DATA_DIR (default .data/).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
if [ -f .env ]; then set -a; . ./.env; set +a; fi
. scripts/provision.sh

ensure_node_modules
npm run --silent db:migrate
if [ -z "${DATABASE_URL:-}" ] || [ "${DEMO_MODE:-}" = true ] || [ "${DEMO_MODE:-}" = 1 ]; then
  npm run --silent db:seed -- --if-empty
fi
sources=(app components server lib prisma public instrumentation.ts next.config.ts postcss.config.mjs package-lock.json)
if [ ! -f .next/BUILD_ID ] || [ -n "$(find "${sources[@]}" -newer .next/BUILD_ID -not -path 'lib/generated/*' -print -quit 2>/dev/null)" ]; then
  npm run build
fi
export PORT=${PORT:-3000} HOSTNAME_BIND=${HOSTNAME_BIND:-0.0.0.0}
exec node --import tsx server.ts
