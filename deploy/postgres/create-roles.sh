#!/bin/sh
# Runs once, on PostgreSQL's first start (compose mounts it into /docker-entrypoint-initdb.d; the
# production topology run and a VM install run it the same way): the app and Temporal each get a
# role of their own with its own password, so neither can read or drop the other's data.
#   APP_DB_PASSWORD       role `pivotal`, owner of the database `pivotal_flow` (DATABASE_URL)
#   TEMPORAL_DB_PASSWORD  role `temporal`, which creates and owns `temporal` and `temporal_visibility`
# psql reaches the server through the usual PG* variables (PGHOST, PGPORT, PGUSER, PGPASSWORD).
set -eu
: "${APP_DB_PASSWORD:?set APP_DB_PASSWORD}"
: "${TEMPORAL_DB_PASSWORD:?set TEMPORAL_DB_PASSWORD}"
psql -v ON_ERROR_STOP=1 --no-psqlrc --quiet --dbname postgres \
  -v app_password="$APP_DB_PASSWORD" -v temporal_password="$TEMPORAL_DB_PASSWORD" <<'SQL'
CREATE ROLE pivotal LOGIN PASSWORD :'app_password';
CREATE DATABASE pivotal_flow OWNER pivotal;
REVOKE ALL ON DATABASE pivotal_flow FROM PUBLIC;
CREATE ROLE temporal LOGIN CREATEDB PASSWORD :'temporal_password';
SQL
echo "create-roles: roles pivotal and temporal created, database pivotal_flow owned by pivotal"
