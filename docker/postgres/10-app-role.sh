#!/bin/sh
# Runs once, when the postgres container initialises an empty data volume, as the superuser.
# The app gets its own role that owns its database but is not a superuser: a superuser can
# switch triggers off (session_replication_role), and the triggers are what keep approved
# versions, closed votes and the audit trail from being rewritten.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v app_user="$CHARTERBOARD_DB_USER" -v app_password="$CHARTERBOARD_DB_PASSWORD" <<'SQL'
CREATE ROLE :"app_user" LOGIN PASSWORD :'app_password' NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION;
CREATE DATABASE :"app_user" OWNER :"app_user";
SQL
