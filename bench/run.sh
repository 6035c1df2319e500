#!/usr/bin/env bash
# Load benchmark of the Todo server on PostgreSQL (fsync on) and SQLite; see bench/README.md.
#
#   bench/run.sh            full run: 5 s warm-up + 20 s of load (10 rounds of 2 s) per scenario (about 10 minutes)
#   bench/run.sh --quick    short run: 1 s warm-up + 3 s per scenario (3 rounds of 1 s), 10 users (under 3 minutes,
#                           build included)
#   options: --postgres-only | --sqlite-only, --duration S, --warmup S, --rounds N, --threads N, --connections N,
#            --no-build
#
# Writes bench/results/YYYY-MM-DD.md (--quick: YYYY-MM-DD-quick.md). Everything listens on 127.0.0.1 only,
# every wrk run is bounded in time, and on exit (also Ctrl-C or failure) the server is killed, PostgreSQL
# stopped and the temporary folder removed.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$BENCH_DIR")
cd "$REPO"

QUICK=0
PROVIDERS=(postgres sqlite)
THREADS=2
CONNECTIONS=16
TIMEOUT=10
DURATION=20
WARMUP=5
BUILD=1
custom_duration="" custom_warmup="" custom_rounds=""
while (($#)); do
  case "$1" in
    --quick) QUICK=1 ;;
    --postgres-only) PROVIDERS=(postgres) ;;
    --sqlite-only) PROVIDERS=(sqlite) ;;
    --duration) custom_duration=$2; shift ;;
    --warmup) custom_warmup=$2; shift ;;
    --rounds) custom_rounds=$2; shift ;;
    --threads) THREADS=$2; shift ;;
    --connections) CONNECTIONS=$2; shift ;;
    --no-build) BUILD=0 ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
USERS=20
ROUNDS=10
if ((QUICK)); then DURATION=3; WARMUP=1; USERS=10; ROUNDS=3; fi
DURATION=${custom_duration:-$DURATION}
WARMUP=${custom_warmup:-$WARMUP}
ROUNDS=${custom_rounds:-$ROUNDS}
ROUND_SECONDS=$((DURATION / ROUNDS))
((ROUND_SECONDS >= 1)) || { echo "run.sh: --duration must be at least --rounds seconds" >&2; exit 2; }

log() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
die() { echo "run.sh: $*" >&2; exit 1; }

# --- what the benchmark needs ----------------------------------------------------------------
sudo=()
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null; then sudo=(sudo); fi
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v python3 >/dev/null || missing+=(python3)
command -v curl >/dev/null || missing+=(curl)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
if ((${#missing[@]})); then
  command -v apt-get >/dev/null || die "missing ${missing[*]}; install them and rerun."
  log "installing ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
command -v dotnet >/dev/null || die "the .NET SDK (dotnet) is needed; see global.json for the version."

PG_BIN=""
for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n -r); do
  if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/psql" ]; then PG_BIN=$dir; break; fi
done
[ -n "$PG_BIN" ] || die "no PostgreSQL binaries (initdb, pg_ctl, psql) under /usr/lib/postgresql/*/bin"

# PostgreSQL refuses to run as root: as root its commands run as the postgres user.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# --- temporary folder and cleanup ------------------------------------------------------------
# Under /tmp with every parent traversable, so the postgres user can use its data folder inside.
WORK=$(mktemp -d /tmp/todo-bench-XXXXXX)
chmod 755 "$WORK"
SERVER_PID=""
PG_DATA=""
PG_PORT=""

stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
stop_postgres() {
  if [ -n "$PG_DATA" ] && [ -f "$PG_DATA/postmaster.pid" ]; then
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 30 stop >/dev/null 2>&1 ||
      as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w -t 10 stop >/dev/null 2>&1 || true
  fi
  PG_DATA=""
}
cleanup() {
  local status=$?
  stop_server
  stop_postgres
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- build -----------------------------------------------------------------------------------
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
SERVER_OUT="$REPO/src/Todo.Server/bin/Release/net10.0"
if ((BUILD)); then
  log "building the server (Release)"
  dotnet build src/Todo.Server/Todo.Server.csproj -c Release --nologo -v q -clp:ErrorsOnly >"$WORK/build.log" 2>&1 ||
    { cat "$WORK/build.log" >&2; die "the build failed"; }
fi
[ -f "$SERVER_OUT/Todo.Server.dll" ] || die "$SERVER_OUT/Todo.Server.dll is missing (run without --no-build)"

# --- the server --------------------------------------------------------------------------------
SIGNING_KEY=$(python3 -c 'import secrets, string; print("".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(48)))')
SERVER_URL=""

start_server() { # connection string, log file
  local port
  port=$(free_port)
  SERVER_URL="http://127.0.0.1:$port"
  (
    cd "$SERVER_OUT"
    exec env \
      ConnectionStrings__Todo="$1" \
      Auth__SigningKey="$SIGNING_KEY" \
      RateLimiting__AuthPerMinute=0 \
      RateLimiting__ChatPerMinute=0 \
      Diagnostics__DbCommandsHeader=true \
      ASPNETCORE_ENVIRONMENT=Production \
      Logging__LogLevel__Default=Warning \
      dotnet Todo.Server.dll --urls "$SERVER_URL"
  ) >"$2" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 300); do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then cat "$2" >&2; die "the server exited during start-up"; fi
    if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$SERVER_URL/health/ready")" = 200 ]; then return 0; fi
    sleep 0.2
  done
  cat "$2" >&2
  die "the server was not ready within 60 s"
}

memory() { # prints hwm=KB rss=KB of the server
  awk '/^VmHWM/ { h = $2 } /^VmRSS/ { r = $2 } END { print "hwm=" h, "rss=" r }' "/proc/$SERVER_PID/status"
}
reset_peak() { # the peak RSS (VmHWM) counts from now on; needs Linux 4.0+ and owning the process
  echo 5 >"/proc/$SERVER_PID/clear_refs" 2>/dev/null || true
}

run_wrk() { # seconds, script, [extra env...]
  local seconds=$1 script=$2
  shift 2
  env BENCH_DIR="$BENCH_DIR" BENCH_DATA="$DATA" BENCH_THREADS="$THREADS" "$@" \
    timeout $((seconds + TIMEOUT + 30)) \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --timeout "${TIMEOUT}s" --latency -s "$BENCH_DIR/$script" "$SERVER_URL"
}

run_round() { # provider, key, round, script, [extra env...]
  local provider=$1 key=$2 round=$3 script=$4
  shift 4
  reset_peak
  run_wrk "$ROUND_SECONDS" "$script" BENCH_HIST="$WORK/$provider-$key.$round.hist" "$@" >"$WORK/$provider-$key.$round.out" 2>&1 || true
  memory >"$WORK/$provider-$key.$round.rss"
}

# Runs scenarios ("key script [VAR=value]") as a group: each is warmed up, then the group runs ROUNDS times
# in turn, each scenario for DURATION / ROUNDS seconds a round. Scenarios whose latencies are compared with
# each other are grouped, so that a change in the machine's other load weighs on both alike; a scenario's
# figures are those of its rounds together (their latency histograms merged).
scenarios() { # provider, scenario...
  local provider=$1 spec key script env_args round
  shift
  for spec in "$@"; do
    read -r key script env_args <<<"$spec"
    # shellcheck disable=SC2086 # env_args is a list of VAR=value words
    if ((WARMUP > 0)); then run_wrk "$WARMUP" "$script" $env_args >/dev/null 2>&1 || true; fi
  done
  for round in $(seq "$ROUNDS"); do
    for spec in "$@"; do
      read -r key script env_args <<<"$spec"
      # shellcheck disable=SC2086
      run_round "$provider" "$key" "$round" "$script" $env_args
    done
  done
  for spec in "$@"; do
    read -r key _ <<<"$spec"
    log "$provider $key: $(python3 "$BENCH_DIR/bench.py" summary --work "$WORK" --provider "$provider" --key "$key")"
  done
}

run_provider() { # provider, connection string
  local provider=$1
  cut -d' ' -f1-3 /proc/loadavg >"$WORK/$provider-load-before"
  log "$provider: starting the server (load average $(cat "$WORK/$provider-load-before"))"
  start_server "$2" "$WORK/$provider-server.log"
  START_LINES=$(wc -l <"$WORK/$provider-server.log")
  log "$provider: seeding"
  local seed_args=(--base "$SERVER_URL" --provider "$provider" --out "$WORK" --users "$USERS" --conversations $((2 * CONNECTIONS)))
  if [ "$provider" = postgres ]; then
    seed_args+=(--psql "$PG_BIN/psql" --pg-port "$PG_PORT" --pg-database todo)
  else
    seed_args+=(--sqlite "$SQLITE_DB")
  fi
  python3 "$BENCH_DIR/bench.py" seed "${seed_args[@]}"
  DATA="$WORK/$provider-data.lua"
  local seed_peak
  seed_peak=$(memory)

  scenarios "$provider" "list list.lua"
  scenarios "$provider" "create create.lua"
  scenarios "$provider" "toggle toggle.lua"
  scenarios "$provider" "first_page page.lua BENCH_PAGE=first" "deep_page page.lua BENCH_PAGE=deep" \
    "filter_list query.lua BENCH_QUERY=filter_list" "filter_label query.lua BENCH_QUERY=filter_label" \
    "filter_priority_list query.lua BENCH_QUERY=filter_priority_list" "sort_priority query.lua BENCH_QUERY=sort_priority" \
    "filter_deep query.lua BENCH_QUERY=filter_deep" \
    "due_today_overdue query.lua BENCH_QUERY=due_today_overdue" "due_next_week query.lua BENCH_QUERY=due_next_week" \
    "sort_due query.lua BENCH_QUERY=sort_due" "due_today_overdue_deep query.lua BENCH_QUERY=due_today_overdue_deep" \
    "due_next_week_deep query.lua BENCH_QUERY=due_next_week_deep" "sort_due_deep query.lua BENCH_QUERY=sort_due_deep" \
    "activity_first query.lua BENCH_QUERY=activity_first" "activity_deep query.lua BENCH_QUERY=activity_deep"
  scenarios "$provider" "chat_new chat.lua BENCH_CHAT=new" "chat_long chat.lua BENCH_CHAT=long" "chat_shared chat.lua BENCH_CHAT=shared"
  scenarios "$provider" "health health.lua"

  # The end state: RSS now, and the peak over the run (start-up and seeding, then each scenario).
  local peak rss
  peak=$(cat <(echo "$seed_peak") "$WORK/$provider"-*.rss | sed 's/.*hwm=\([0-9]*\).*/\1/' | sort -n | tail -n1)
  rss=$(memory | sed 's/.*rss=//')
  printf '{"rss_kb": %s, "hwm_kb": %s, "load_before": "%s", "load_after": "%s"}\n' "$rss" "$peak" \
    "$(cat "$WORK/$provider-load-before")" "$(cut -d' ' -f1-3 /proc/loadavg)" >"$WORK/$provider-final.json"
  log "$provider: server RSS at the end $((rss / 1024)) MB, peak $((peak / 1024)) MB"
  # What the server logged under load (after start-up, where EF Core logs its probe of a new database's
  # migrations history table as a failed command): 5xx answers are failures; EF Core's "error occurred using a
  # transaction" without a 5xx is a request cancelled when wrk closed its connections at the end of a run.
  local after failures others
  after=$(tail -n +"$((START_LINES + 1))" "$WORK/$provider-server.log")
  failures=$(grep -c 'Request failed with' <<<"$after" || true)
  others=$(grep -cE '^(fail|crit):' <<<"$after" || true)
  printf '{"failed_requests": %s, "other_errors": %s}\n' "$failures" "$((others - failures))" >"$WORK/$provider-log.json"
  if ((others > 0)); then
    log "$provider: the server logged $failures failed request(s) and $((others - failures)) other error(s) under load; the first:"
    grep -E -m3 -A3 '^(fail|crit):' <<<"$after" || true
  fi
  stop_server
}

# --- run -------------------------------------------------------------------------------------------
DATE=$(date -u +%F)
commit=$(git rev-parse HEAD 2>/dev/null || echo unknown)
if [ "$commit" != unknown ] && [ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]; then
  commit="$commit (with uncommitted changes)"
fi
providers_json=$(printf '"%s",' "${PROVIDERS[@]}")
python3 - "$WORK/meta.json" <<EOF
import json, os, platform, re, subprocess, sys
def out(*cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=30).stdout.strip()
    except Exception:
        return "unknown"
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.machine())
mem = next((int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal")), 0)
osname = next((l.split("=", 1)[1].strip().strip('"') for l in open("/etc/os-release") if l.startswith("PRETTY_NAME")), platform.system())
json.dump({
    "date": "$DATE", "commit": "$commit", "quick": bool($QUICK), "providers": [${providers_json%,}],
    "nproc": os.cpu_count(), "cpu": cpu, "memory": f"{mem / 1024 / 1024:.0f} GiB", "os": osname,
    "dotnet": out("dotnet", "--version"), "postgres": (re.findall(r"\d+\.\d+", out("$PG_BIN/postgres", "--version")) or ["?"])[0],
    "wrk": out("wrk", "-v").splitlines()[0].split(" [")[0] if out("wrk", "-v") else "wrk",
    "threads": $THREADS, "connections": $CONNECTIONS, "duration": $DURATION, "warmup": $WARMUP, "timeout": $TIMEOUT,
    "rounds": $ROUNDS, "round_seconds": $ROUND_SECONDS,
}, open(sys.argv[1], "w"), indent=2)
EOF
log "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'); load: wrk -t$THREADS -c$CONNECTIONS, ${WARMUP} s warm-up + $ROUNDS x ${ROUND_SECONDS} s per scenario"

for provider in "${PROVIDERS[@]}"; do
  if [ "$provider" = postgres ]; then
    PG_DATA="$WORK/pg"
    PG_PORT=$(free_port)
    mkdir -p "$PG_DATA"
    if [ "$(id -u)" -eq 0 ]; then chown postgres "$PG_DATA"; fi
    log "postgres: initdb and start on 127.0.0.1:$PG_PORT (fsync on)"
    (cd "$WORK" && as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >"$WORK/initdb.log" 2>&1) ||
      { cat "$WORK/initdb.log" >&2; die "initdb failed"; }
    (cd "$WORK" && as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w -t 60 \
      -o "-p $PG_PORT -k $PG_DATA -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on -c max_connections=200" start >/dev/null) ||
      { cat "$PG_DATA/server.log" >&2; die "PostgreSQL did not start"; }
    (cd "$WORK" && as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres todo)
    run_provider postgres "Host=127.0.0.1;Port=$PG_PORT;Database=todo;Username=postgres"
    stop_postgres
  else
    mkdir -p "$WORK/sqlite"
    SQLITE_DB="$WORK/sqlite/todo.db"
    run_provider sqlite "Data Source=$SQLITE_DB"
  fi
done

mkdir -p "$BENCH_DIR/results"
RESULTS="$BENCH_DIR/results/$DATE.md"
if ((QUICK)); then RESULTS="$BENCH_DIR/results/$DATE-quick.md"; fi
python3 "$BENCH_DIR/bench.py" report --work "$WORK" --out "$RESULTS"
