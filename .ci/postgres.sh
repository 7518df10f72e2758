# Sourced by .ci/run: start_test_postgres sets PLAN_COCKPIT_TEST_PG to a
# fresh cluster's connection string and PLAN_COCKPIT_REQUIRE_PG=1 (so the
# PostgreSQL tests fail rather than skip), and stops the cluster on exit.

start_test_postgres() {
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  PG_DIR=$(mktemp -d /tmp/plan-cockpit-pg.XXXXXX)
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir "$PG_DIR" postgres
    chown postgres: "$PG_DIR"
    as_pg() { runuser -u postgres -- "$@"; }
  else
    as_pg() { "$@"; }
  fi
  # C.UTF-8: pg_trgm sees Chinese letters only under a UTF-8 LC_CTYPE.
  as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U owner --locale=C.UTF-8 -E UTF8 \
    -A trust >"$PG_DIR/initdb.log"
  # One role must give its password (the credentials tests prove that
  # PGPASSWORD and ~/.pgpass reach the server); every other stays trusted.
  as_pg sed -i '1i local all plan_pw_test scram-sha-256' "$PG_DIR/data/pg_hba.conf"
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
    -o "-k $PG_DIR -c listen_addresses=''" start >/dev/null
  trap stop_test_postgres EXIT
  export PLAN_COCKPIT_TEST_PG="host=$PG_DIR user=owner dbname=postgres"
  export PLAN_COCKPIT_TEST_PG_BIN="$PG_BIN"
  export PLAN_COCKPIT_TEST_PG_DATA="$PG_DIR/data"
  export PLAN_COCKPIT_REQUIRE_PG=1
  echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') for the tests at $PG_DIR"
}

stop_test_postgres() {
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
