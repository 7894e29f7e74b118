#!/usr/bin/env bash
# Creates the three service databases and one MySQL user per service, with rights on its
# own database only (the services never read each other's tables).
#
# - In the mysql:8.4 image (docker-compose.yml, the Kubernetes `with-mysql` overlay) it
#   runs once, from /docker-entrypoint-initdb.d, when the data directory is empty.
# - Against any other server (managed MySQL, an upgrade that adds a user), print the SQL
#   and run it as an administrator:
#     CUSTOMER_DB_PASSWORD=… OUTGOING_DB_PASSWORD=… INCOMING_DB_PASSWORD=… \
#       bash infra/mysql/init/01-databases-and-users.sh --print | mysql -h HOST -u admin -p
#
# Environment (docs/operations.md): MYSQL_DATABASE_PREFIX (default screenmagic_),
# <SERVICE>_DB_USER (default sm_<service>), <SERVICE>_DB_PASSWORD (required), for SERVICE
# in CUSTOMER, OUTGOING, INCOMING. Idempotent: users that exist get the given password.
#
# Works whether the image's entrypoint executes it or sources it (a ConfigMap mount may
# drop the executable bit), so: no `set -u`/`exit` at the top level, one function.

sm_databases_and_users_sql() {
  local prefix="${MYSQL_DATABASE_PREFIX:-screenmagic_}"
  if ! [[ "$prefix" =~ ^[A-Za-z0-9_]{0,40}$ ]]; then
    echo "init: MYSQL_DATABASE_PREFIX '$prefix' may hold only letters, digits and _ (at most 40)" >&2
    return 1
  fi
  local service upper user_var password_var user password database grant_database
  for service in customer outgoing incoming; do
    upper="${service^^}"
    user_var="${upper}_DB_USER"
    password_var="${upper}_DB_PASSWORD"
    user="${!user_var:-sm_${service}}"
    password="${!password_var:-}"
    if ! [[ "$user" =~ ^[A-Za-z0-9_]{1,32}$ ]]; then
      echo "init: $user_var '$user' may hold only letters, digits and _ (at most 32)" >&2
      return 1
    fi
    # The services build MYSQL_URL from the password, so it must need no URL encoding.
    if ! [[ "$password" =~ ^[A-Za-z0-9._~-]{8,}$ ]]; then
      echo "init: $password_var must be set: at least 8 of A-Z a-z 0-9 . _ ~ -" >&2
      return 1
    fi
    database="${prefix}${service}"
    # In GRANT, _ in a database name is a wildcard: escape it so the grant is exact.
    grant_database="${database//_/\\_}"
    cat <<SQL
CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE USER IF NOT EXISTS '${user}'@'%' IDENTIFIED BY '${password}';
ALTER USER '${user}'@'%' IDENTIFIED BY '${password}';
GRANT ALL PRIVILEGES ON \`${grant_database}\`.* TO '${user}'@'%';
SQL
  done
  echo "FLUSH PRIVILEGES;"
}

sm_databases_and_users() {
  local sql
  sql="$(sm_databases_and_users_sql)" || return 1
  if [ "${1:-}" = "--print" ]; then
    printf '%s\n' "$sql"
  elif declare -F docker_process_sql >/dev/null; then
    # Sourced by the mysql image's entrypoint: its helper talks to the bootstrap server.
    printf '%s\n' "$sql" | docker_process_sql --database=mysql
  else
    # Executed by the entrypoint: the bootstrap server listens on its socket only.
    printf '%s\n' "$sql" | MYSQL_PWD="${MYSQL_ROOT_PASSWORD:-}" mysql --protocol=socket -uroot mysql
  fi
  local status=$?
  [ "$status" -ne 0 ] || [ "${1:-}" = "--print" ] || echo "init: databases and users for ${MYSQL_DATABASE_PREFIX:-screenmagic_}{customer,outgoing,incoming} ready" >&2
  return "$status"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  sm_databases_and_users "$@" || exit 1
else
  sm_databases_and_users || return 1
fi
