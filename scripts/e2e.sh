#!/usr/bin/env bash
# End-to-end tests on a fresh, migrated and seeded database of their own, against the production build
# in .next (build it first). Arguments go to Playwright (spec files, --grep ...). E2E_PORT picks the port
# (default 3190; the SMTP sink uses E2E_PORT+4), so several checkouts can run at once. The database is
# dropped afterwards. Used by scripts/test.sh; on its own: `bash scripts/e2e.sh tests/e2e/some.spec.ts`.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
db=$(node --import tsx -e '
  import("./tests/support/postgres.ts").then(async (m) => { const d = await m.createTestDatabase("status_e2e"); console.log(d.name + " " + d.url); });
') || { echo "could not create the end-to-end database" >&2; exit 1; }
name=${db%% *}
export E2E_DATABASE_URL=${db#* }
drop() {
  node --import tsx -e 'import("./tests/support/postgres.ts").then((m) => m.dropTestDatabase(process.argv[1]))' "$name" ||
    echo "could not drop $name" >&2
}
trap drop EXIT
DATABASE_URL=$E2E_DATABASE_URL npm run --silent db:migrate &&
  DATABASE_URL=$E2E_DATABASE_URL DEMO_MODE=true npm run --silent db:seed &&
  npx playwright test "$@"
