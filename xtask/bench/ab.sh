#!/usr/bin/env bash
# A/B of two server binaries on the writes: organizations.create and invitations.create at
# 32 connections, alternating the binaries, a fresh store each run (STORES="sqlite
# postgres" by default). Usage: xtask/bench/ab.sh OLD_BINARY NEW_BINARY [ROUNDS] [SECONDS].
# PG_URL_QUERY is added to the PostgreSQL URL, for example
# "options=-c%20synchronous_commit%3Doff" to take the disk's flush time, which varies
# twofold from run to run on some machines, out of the comparison.
# Needs wrk, psql and a PostgreSQL at 127.0.0.1 (user postgres). docs/benchmarks.md
# "What events cost" was measured with it.
set -euo pipefail
OLD=$1; NEW=$2; ROUNDS=${3:-3}; SECS=${4:-8}
SCRIPT="$(cd "$(dirname "$0")" && pwd)/load.lua"
run_one() { # bin store label
  local bin=$1 store=$2 label=$3 url dir
  dir=$(mktemp -d /tmp/orgs-ab.XXXX)
  if [ "$store" = sqlite ]; then url="sqlite://$dir/orgs.db"; else
    db=ab_$(basename $dir | tr -dc 'a-z0-9'); psql -q -h 127.0.0.1 -U postgres -c "create database $db" >/dev/null; url="postgres://postgres@127.0.0.1:5432/$db${PG_URL_QUERY:+?$PG_URL_QUERY}"; fi
  export ORGS_DATABASE_URL=$url
  $bin migrate >/dev/null 2>&1
  T=$($bin users create --email ab@example.com | python3 -c 'import json,sys;print(json.load(sys.stdin)["bearer"])')
  ORGS_LISTEN=127.0.0.1:9955 ORGS_LOG_LEVEL=warn $bin serve > $dir/log 2>&1 &
  local pid=$!
  for i in $(seq 50); do curl -sf localhost:9955/healthz >/dev/null && break; sleep 0.1; done
  ORG=$(curl -s -XPOST localhost:9955/v1/organizations/create -H "authorization: Bearer $T" -H 'content-type: application/json' -d '{"name":"AB"}' | python3 -c 'import json,sys;print(json.load(sys.stdin)["organization"]["id"])')
  c=$(BENCH_PATH=/v1/organizations/create BENCH_BEARER=$T BENCH_BODY='{"name":"Bench"}' BENCH_THREADS=2 wrk -t2 -c32 -d${SECS}s -s $SCRIPT http://127.0.0.1:9955 | grep '^BENCH ' | cut -c7-)
  i=$(BENCH_MODE=invite BENCH_PATH=/v1/organizations/invitations/create BENCH_BEARER=$T BENCH_ORG=$ORG BENCH_RUN=$RANDOM BENCH_THREADS=2 wrk -t2 -c32 -d${SECS}s -s $SCRIPT http://127.0.0.1:9955 | grep '^BENCH ' | cut -c7-)
  kill $pid; wait $pid 2>/dev/null || true
  python3 - "$label" "$store" "$c" "$i" <<'PY'
import json,sys
label,store,c,i=sys.argv[1:5]
def f(s):
    d=json.loads(s); return d["requests"]/(d["durationUs"]/1e6), d["p50Us"]/1e3, d["p99Us"]/1e3
print(f"{store} {label} create {f(c)[0]:.0f}/s p50 {f(c)[1]:.1f} p99 {f(c)[2]:.1f} | invite {f(i)[0]:.0f}/s p50 {f(i)[1]:.1f} p99 {f(i)[2]:.1f}")
PY
  if [ "$store" = postgres ]; then psql -q -h 127.0.0.1 -U postgres -c "drop database $db" >/dev/null; fi
  rm -rf $dir
}
for store in ${STORES:-sqlite postgres}; do
  for r in $(seq $ROUNDS); do
    run_one $OLD $store before
    run_one $NEW $store after
  done
done
