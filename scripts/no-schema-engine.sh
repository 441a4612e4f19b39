#!/bin/sh
# Stands in for Prisma's native schema-engine binary, which cannot be downloaded here. Pointing
# PRISMA_SCHEMA_ENGINE_BINARY at this file lets `prisma generate`, `validate` and `format` run;
# migrations go through `npm run db:migrate` (scripts/migrate.ts, the WebAssembly engine).
echo "The native Prisma schema engine is not installed: use 'npm run db:migrate' (scripts/migrate.ts)." >&2
exit 1
