#!/bin/sh
# Temporal's databases and schemas on PostgreSQL, with Temporal's own SQL tool (in the
# temporalio/admin-tools image; `go install go.temporal.io/server/cmd/tools/sql` elsewhere, named
# temporal-sql-tool). Safe to run again: an existing database is kept and the schema is only moved
# forward. The tool reads SQL_PLUGIN, SQL_HOST, SQL_PORT, SQL_USER and SQL_PASSWORD.
set -eu
SCHEMA_DIR=${SCHEMA_DIR:-/etc/temporal/schema/postgresql/v12}
for pair in temporal:temporal temporal_visibility:visibility; do
  db=${pair%%:*}
  schema=${pair#*:}
  if temporal-sql-tool --db "$db" create-database 2>/tmp/create-database.err; then
    echo "setup-schema: database $db created"
  elif grep -q 'already exists' /tmp/create-database.err; then
    echo "setup-schema: database $db already there"
  else
    cat /tmp/create-database.err >&2
    exit 1
  fi
  # setup-schema -v 0.0 makes the version table (a no-op once it exists); update-schema applies
  # every versioned step not applied yet.
  temporal-sql-tool --db "$db" setup-schema -v 0.0
  temporal-sql-tool --db "$db" update-schema -d "$SCHEMA_DIR/$schema/versioned"
done
echo "setup-schema: Temporal's schemas are up to date"
