#!/usr/bin/env bash
# Installs and starts what the tests need on a fresh Debian machine (run as root by .ci/run; safe to run again).
set -euo pipefail

need=()
command -v pg_ctlcluster >/dev/null 2>&1 || need+=(postgresql)
# pandas: the ACLED CSV export is checked by opening it in pandas (tests/Rasid.Export.Tests), as analysts will.
python3 -c 'import pandas' >/dev/null 2>&1 || need+=(python3-pandas)
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi

# pg_trgm (the actor-substring index of store migration 0011) is one of the server's contrib modules: Debian ships them
# with the server package; install postgresql-contrib if a server came without them (the migration works without, unindexed).
if ! ls /usr/share/postgresql/*/extension/pg_trgm.control >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql-contrib >/dev/null
fi

# PostgreSQL: start the distribution's cluster and make a test role and database (password auth over TCP).
ver=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^$ver main$"; then
  pg_createcluster "$ver" main >/dev/null
fi
pg_ctlcluster "$ver" main start 2>/dev/null || true
for _ in $(seq 1 30); do
  pg_isready -q -h localhost && break
  sleep 1
done
runuser -u postgres -- psql -qtAc "SELECT 1 FROM pg_roles WHERE rolname='rasid'" | grep -q 1 \
  || runuser -u postgres -- psql -qc "CREATE ROLE rasid LOGIN SUPERUSER PASSWORD 'rasid'"
runuser -u postgres -- psql -qtAc "SELECT 1 FROM pg_database WHERE datname='rasid_test'" | grep -q 1 \
  || runuser -u postgres -- createdb -O rasid rasid_test
echo "setup: PostgreSQL $ver on localhost:5432 (role rasid, database rasid_test)"

# --- webui: Debian's chromium for the dashboard's real-browser tests (tests/Rasid.Web.BrowserTests). Playwright for
# .NET launches /usr/bin/chromium itself (ExecutablePath); its own browser download does not work on these machines.
if ! [ -x /usr/bin/chromium ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
fi
echo "setup: $(/usr/bin/chromium --version 2>/dev/null || echo 'chromium NOT installed')"
# --- end webui ---
