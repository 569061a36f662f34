#!/bin/sh
# Creates Temporal's two databases when missing and migrates both to the schema of the server
# version in use, with Temporal's SQL tool (schemas embedded in it: no files to copy). Every step
# is idempotent, so it runs before every start. scripts/lib/temporal-server.ts runs it for
# `DUBAN_TEMPORAL=cluster npm start` and the tests; docker-compose.yml runs it in the
# temporal-schema service. Settings as in deploy/temporal/config/duban.yaml.
set -eu
tool="${TEMPORAL_SQL_TOOL:-temporal-sql-tool}"
set -- --plugin postgres12 --ep "${TEMPORAL_DB_HOST:-127.0.0.1}" -p "${TEMPORAL_DB_PORT:-5432}" -u "${TEMPORAL_DB_USER:-postgres}"
if [ -n "${TEMPORAL_DB_PASSWORD:-}" ]; then set -- "$@" --pw "$TEMPORAL_DB_PASSWORD"; fi

prepare() {
  database=$1
  schema=$2
  shift 2
  "$tool" "$@" --db "$database" create-database
  "$tool" "$@" --db "$database" setup-schema -v 0.0
  "$tool" "$@" --db "$database" update-schema --schema-name "$schema"
  echo "Temporal database $database: schema $schema up to date"
}

prepare "${TEMPORAL_DB_NAME:-temporal}" postgresql/v12/temporal "$@"
prepare "${TEMPORAL_VISIBILITY_DB_NAME:-temporal_visibility}" postgresql/v12/visibility "$@"
