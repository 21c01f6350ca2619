#!/usr/bin/env bash
# Starts the local MariaDB the test suite runs on (127.0.0.1:3306, root, no password) when it is
# installed here and not running. With TEST_MYSQL_URL set, that server is used as it is.
set -euo pipefail
[ -n "${TEST_MYSQL_URL:-}" ] && exit 0

up() { mariadb-admin --host=127.0.0.1 --port=3306 --user=root ping >/dev/null 2>&1; }
# CI services set CI to true, 1 or yes, in any case (as test/support/global-setup.ts reads it).
ci() {
  local value="${CI:-}"
  case "${value,,}" in true | 1 | yes) return 0 ;; *) return 1 ;; esac
}

up && exit 0
if [ -x /usr/sbin/mariadbd ] && command -v start-stop-daemon >/dev/null; then
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
  for _ in $(seq 1 120); do
    up && exit 0
    sleep 0.5
  done
fi
echo "MariaDB is not answering on 127.0.0.1:3306 and could not be started here." >&2
if ci; then exit 1; fi
echo "The MySQL suites will be left out of this run." >&2
