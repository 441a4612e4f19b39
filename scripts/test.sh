#!/usr/bin/env bash
# npm test: lint, typecheck, unit and integration tests (real Postgres), a production build, and the
# end-to-end tests (real Chromium against that build on a fresh, seeded database). Every database it
# creates is its own and is dropped afterwards. The last line is "N passed, N failed" over all suites.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
. scripts/provision.sh
trap stop_private_postgres EXIT

ensure_node_modules || exit 1
ensure_postgres || exit 1
ensure_chromium || exit 1

results=.test-results
rm -rf "$results" && mkdir -p "$results"
passed=0
failed=0
count_check() { # name, exit code
  if [ "$2" = 0 ]; then passed=$((passed + 1)); echo "✓ $1"; else failed=$((failed + 1)); echo "✗ $1"; fi
}
count_json() { # name, exit code, json file, node expression over `r` giving [passed, failed]
  local counts
  counts=$(node -e "const r=JSON.parse(require('fs').readFileSync(process.argv[1],'utf8'));console.log(($4).join(' '))" "$3" 2>/dev/null)
  if [ -z "$counts" ]; then count_check "$1 (no report)" 1; return; fi
  set -- "$1" "$2" "${counts% *}" "${counts#* }"
  passed=$((passed + $3)); failed=$((failed + $4))
  if [ "$2" != 0 ] && [ "$4" = 0 ]; then failed=$((failed + 1)); echo "✗ $1 exited with $2"; fi
  echo "$1: $3 passed, $4 failed"
}

echo "── lint"; npx eslint --max-warnings=0 .; count_check lint $?
echo "── typecheck"; npx tsc --noEmit; count_check typecheck $?

echo "── unit and integration tests"
npx vitest run --reporter=default --reporter=json --outputFile="$results/vitest.json"
count_json vitest $? "$results/vitest.json" '[r.numPassedTests, r.numFailedTests + (r.numRuntimeErrors ?? 0)]'

echo "── production build"; npx next build; build=$?; count_check build $build

echo "── end-to-end tests"
if [ "$build" = 0 ]; then
  PLAYWRIGHT_JSON_OUTPUT_NAME="$results/e2e.json" bash scripts/e2e.sh
  count_json e2e $? "$results/e2e.json" '[r.stats.expected + r.stats.flaky, r.stats.unexpected]'
else
  count_check "e2e (skipped: the build failed)" 1
fi

echo
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
