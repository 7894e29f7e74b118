#!/usr/bin/env bash
# Makes sure the MySQL/MariaDB server the tests use answers: MYSQL_URL when set, else the
# local server at 127.0.0.1:3306, which it starts (Debian's mariadbd) when it is down.
# A server that still does not answer after 60 s is a loud failure.
set -euo pipefail
cd "$(dirname "$0")/.."

ping_mysql() {
  node -e '
    const { createConnection } = require("mysql2/promise");
    const url = new URL(process.env.MYSQL_URL || "mysql://root@127.0.0.1:3306");
    createConnection({ host: url.hostname, port: Number(url.port || 3306),
      user: decodeURIComponent(url.username || "root"), password: decodeURIComponent(url.password),
      connectTimeout: 2000 })
      .then((c) => c.query("SELECT VERSION() AS v").then(([rows]) => { console.log(rows[0].v); return c.end(); }))
      .catch((e) => { console.error(e.message); process.exit(1); });
  ' 2>/dev/null
}

cd packages/service-kit # where mysql2 resolves
if version="$(ping_mysql)"; then
  echo "mysql: up ($version)"
  exit 0
fi
if [ -z "${MYSQL_URL:-}" ] && [ -x /usr/sbin/mariadbd ]; then
  echo "mysql: not answering; starting the local MariaDB"
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
fi
for _ in $(seq 1 60); do
  if version="$(ping_mysql)"; then
    echo "mysql: up ($version)"
    exit 0
  fi
  sleep 1
done
echo "mysql: no server answers at ${MYSQL_URL:-mysql://root@127.0.0.1:3306}; set MYSQL_URL or start one" >&2
exit 1
