#!/usr/bin/env bash
# Benchmarks PaymentActors on this machine and prints ONE side-by-side table. Everything runs on loopback and is
# started and stopped by this script: one Azurite (own ports, temporary data directory) shared by every Azure row and
# by the seeds' design, the mock gateway, and the system under test per row. See BENCHMARKS.md for the method.
#
#   ./bench.sh                          every default row (~8 minutes on an idle 2-core machine, build included)
#   BENCH_ROWS="hot-hey peer" ./bench.sh   some rows; ids:
#       baseline   round-1 main (commit d50f25a, built from `git archive` in a temporary directory), hot wallet, hey
#       hot-hey    hot wallet, Azurite, hey on POST /payments?wait=true (no idempotency key: fresh payment ids)
#       hot-c4 hot-c16   the same at 4 and 16 clients (hot-hey is the 64-client row), beside pg-c4/pg-c16/pg-c64
#       many       1,000 wallets funded before the window, wrk paying from a random one each request, warm-up on the
#                  same wallets (what ../shared/tools/many-wallets measures); audited (the wallets' debits = completed)
#       pg-c4 pg-c16 pg-c64   pg-peer: seeds 003/004's design on PostgreSQL (benchmarks/PaymentActors.PgPeer), one hot
#                  wallet at 4/16/64 clients: tx1 locks the wallet row (SELECT … FOR UPDATE), checks, reserves and
#                  inserts the payment; the mock gateway's POST /charges outside any transaction; tx2 deducts and
#                  marks it completed. Audited (balance = deposits − completed on every wallet)
#       pg-many    pg-peer on 1,000 wallets, 64 clients, a random wallet per payment
#       cluster-hey  the same load on the front door in client mode with 2 silo processes (run.sh --silos 2's shape)
#       hot-load   hot wallet, Azurite, the project's load tester (idempotency keys, audited)
#       mem-hey    hot wallet, in memory, hey
#       spread     10,000 wallets, Azurite, the load tester (audited)
#       realistic  hot wallet, Azurite, load tester, gateway declines 10% with 10-50 ms latency (audited)
#       peer       the seeds' design: 64 workers on one wallet row of the same Azurite (read, check, replace on ETag, 412 retry)
#       breaker    gateway in outage, breaker open: latency of POST /payments?wait=true (each ends failed)
#   BENCH_WARMUP=10 BENCH_SECONDS=12 ./bench.sh   warm-up and load per row, in seconds (defaults 10 and 12)
#   BENCH_CLIENTS=64                    concurrent clients (hey -c, load tester -c, peer workers)
#   BENCH_API_DLL=/tmp/a/api/PaymentActors.Api.dll BENCH_SILO_DLL=/tmp/a/silo/PaymentActors.Silo.dll   another build
#   BENCH_SYSTEM_ARGS="--Logging:LogLevel:System.Net.Http.HttpClient=Information"   settings for the API and silos
#   BENCH_PROFILE=1                     perf samples of every system process during each row's window: the share of
#                                       CPU by module and the top methods per process in .bench/<time>/<row>/profile-*.txt
#   BENCH_PG_PORT=25432                 PostgreSQL's port for the pg-* rows (unix socket in a temporary directory)
#
# Every process of the system runs with the configuration ./run.sh gives it (appsettings.json, the Development
# environment, no logging flags). What differs from ./run.sh: no management listener (the /metrics scrapes carry an
# operator token), a ClusterId/ServiceId of its own per row, and its own ports and Azurite data directory.
#
# The pg-* rows run PostgreSQL from Debian's packages (installed with apt-get if missing, when run as root) as the
# `postgres` user (PostgreSQL refuses to run as root) on a temporary data directory, fsync and synchronous_commit on.
#
# Columns (per COMPLETED payment unless said otherwise; counts are summed over every process of the system):
#   completed/s, p50/p99 (ms, send → final answer), storage requests (every request to Azurite, reads included),
#   grain messages (calls, one-way calls and stream deliveries), CPU ms of the system's processes (API + silos; with
#   silo processes, each process's share in brackets; for pg-* rows the peer program, which is service and load
#   generator in one), of the store (Azurite, or every PostgreSQL process) and of the load generator (from
#   /proc/PID/stat), the row's check (audit, or money conserved), load1. Silo processes serve their counters on Metrics:Port, and every
#   process's scrape is summed, so the counts of a cluster row are the whole cluster's.
# Reports, logs, scrapes and a breakdown per row go to .bench/<utc time>/.
set -euo pipefail
cd "$(dirname "$0")"

WARMUP="${BENCH_WARMUP:-10}"
SECONDS_OF_LOAD="${BENCH_SECONDS:-12}"
CLIENTS="${BENCH_CLIENTS:-64}"
ROWS="${BENCH_ROWS:-baseline hot-hey cluster-hey hot-c4 hot-c16 many pg-c4 pg-c16 pg-c64 pg-many hot-load mem-hey spread realistic peer breaker}"
BASELINE_COMMIT="${BENCH_BASELINE_COMMIT:-d50f25a}"
CONFIGURATION=Release
HOST=127.0.0.1
API_PORT="${BENCH_API_PORT:-15180}"
GATEWAY_PORT="${BENCH_GATEWAY_PORT:-15190}"
SILO_PORT="${BENCH_SILO_PORT:-21211}"
ORLEANS_GATEWAY_PORT="${BENCH_ORLEANS_GATEWAY_PORT:-31211}"
SILO_METRICS_PORT="${BENCH_SILO_METRICS_PORT:-21300}"
CLUSTER_SILOS=2
AZURITE_BLOB_PORT="${BENCH_AZURITE_BLOB_PORT:-20200}"
AZURITE_QUEUE_PORT="${BENCH_AZURITE_QUEUE_PORT:-20201}"
AZURITE_TABLE_PORT="${BENCH_AZURITE_TABLE_PORT:-20202}"
PG_PORT="${BENCH_PG_PORT:-25432}"
MANY_WALLETS=1000
READY_TIMEOUT_SECONDS=120
OUT=".bench/$(date -u +%Y%m%dT%H%M%SZ)"
API_URL="http://$HOST:$API_PORT"
GATEWAY_URL="http://$HOST:$GATEWAY_PORT"
AZURE_CONNECTION="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://$HOST:$AZURITE_BLOB_PORT/devstoreaccount1;QueueEndpoint=http://$HOST:$AZURITE_QUEUE_PORT/devstoreaccount1;TableEndpoint=http://$HOST:$AZURITE_TABLE_PORT/devstoreaccount1;"
TICK="$(getconf CLK_TCK)"
DELTA=benchmarks/tools/metrics_delta.py

for tool in dotnet curl jq npm hey python3 git; do
  command -v "$tool" >/dev/null || { echo "$tool is required." >&2; exit 1; }
done
mkdir -p "$OUT"
SCRATCH="$(mktemp -d "${TMPDIR:-/tmp}/paymentactors-bench.XXXXXX")"
AZURITE_DATA="$SCRATCH/azurite"

# --- processes ---------------------------------------------------------------
PIDS=()

stop_pid() {
  local pid="$1"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
}

cleanup() {
  trap - EXIT INT TERM
  local i
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do stop_pid "${PIDS[i]}"; done
  if declare -F pg_stop >/dev/null; then pg_stop; fi
  rm -rf "$SCRATCH"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# start_process NAME COMMAND [ARGS...]: background, output in $OUT/NAME.log; sets LAST_PID.
# With BENCH_PROFILE=1 .NET processes write a perf map, so that perf names their JIT-compiled methods.
PROFILE_ENV=()
[ "${BENCH_PROFILE:-0}" = 1 ] && PROFILE_ENV=(env DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0)
start_process() {
  local name="$1"; shift
  if [ "$1" = dotnet ]; then set -- "${PROFILE_ENV[@]}" "$@"; fi
  "$@" >"$OUT/$name.log" 2>&1 &
  LAST_PID=$!
  PIDS+=("$LAST_PID")
}

# wait_ready NAME PID CHECK...: waits until CHECK succeeds; fails (returns 1) early if PID died, or on timeout.
wait_ready() {
  local name="$1" pid="$2"; shift 2
  local deadline=$((SECONDS + READY_TIMEOUT_SECONDS))
  until "$@" >/dev/null 2>&1; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "$name exited before it was ready; last lines of $OUT/$name.log:" >&2
      tail -n 5 "$OUT/$name.log" >&2
      return 1
    fi
    if ((SECONDS > deadline)); then
      echo "$name was not ready after ${READY_TIMEOUT_SECONDS}s; see $OUT/$name.log" >&2
      return 1
    fi
    sleep 0.2
  done
}

tcp_open() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

# Refuses to start when a port is taken: the load must reach the processes this script started, nothing else.
SILO_PORTS=(); for ((i = 0; i < CLUSTER_SILOS; i++)); do SILO_PORTS+=($((SILO_PORT + 1 + i)) $((ORLEANS_GATEWAY_PORT + 1 + i)) $((SILO_METRICS_PORT + i))); done
for port in "$API_PORT" "$GATEWAY_PORT" "$SILO_PORT" "$ORLEANS_GATEWAY_PORT" "${SILO_PORTS[@]}" "$AZURITE_BLOB_PORT" "$AZURITE_QUEUE_PORT" "$AZURITE_TABLE_PORT"; do
  if tcp_open "$port"; then
    echo "Port $port on $HOST is already in use; choose others with the BENCH_*_PORT variables." >&2
    exit 1
  fi
done

wants() { case " $ROWS " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

# The many-wallets row drives wrk (a Lua script picks a random wallet per request); Debian packages it.
if wants many && ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing wrk (apt-get install wrk)..."
    { apt-get install -y --no-install-recommends wrk || { apt-get update && apt-get install -y --no-install-recommends wrk; }; } >"$OUT/apt-wrk.log" 2>&1 \
      || { echo "apt-get install wrk failed; see $OUT/apt-wrk.log" >&2; exit 1; }
  else
    echo "wrk is required for the many row (apt-get install wrk)." >&2; exit 1
  fi
fi

# --- build -------------------------------------------------------------------
LOADTEST_PROJECT=src/PaymentActors.Cli
echo "Building ($CONFIGURATION)..."
# BENCH_API_DLL / BENCH_SILO_DLL: another build's front door and silo host (A/B of two commits, each built and copied
# aside first); everything else is built from this tree.
# BENCH_NO_BUILD=1: use the Release outputs as they are (built already).
[ "${BENCH_NO_BUILD:-0}" = 1 ] || for project in src/PaymentActors.Api src/PaymentActors.Silo src/PaymentActors.MockGateway "$LOADTEST_PROJECT" benchmarks/PaymentActors.SeedPeer benchmarks/PaymentActors.PgPeer; do
  dotnet build "$project/$(basename "$project").csproj" -c "$CONFIGURATION" -nologo -v quiet >"$OUT/build.log" 2>&1 \
    || { tail -n 30 "$OUT/build.log" >&2; exit 1; }
done
API_DLL="${BENCH_API_DLL:-src/PaymentActors.Api/bin/$CONFIGURATION/net10.0/PaymentActors.Api.dll}"
SILO_DLL="${BENCH_SILO_DLL:-src/PaymentActors.Silo/bin/$CONFIGURATION/net10.0/PaymentActors.Silo.dll}"
GATEWAY_DLL="src/PaymentActors.MockGateway/bin/$CONFIGURATION/net10.0/PaymentActors.MockGateway.dll"
LOADTEST_DLL="$LOADTEST_PROJECT/bin/$CONFIGURATION/net10.0/$(basename "$LOADTEST_PROJECT").dll"
PEER_DLL="benchmarks/PaymentActors.SeedPeer/bin/$CONFIGURATION/net10.0/PaymentActors.SeedPeer.dll"
PG_PEER_DLL="benchmarks/PaymentActors.PgPeer/bin/$CONFIGURATION/net10.0/PaymentActors.PgPeer.dll"

# --- operator token ----------------------------------------------------------------
# Authentication is on: the API runs in Development and validates `dotnet user-jwts` tokens (key in user secrets).
# Every client here (hey, the load tester, the scrapes of /metrics) acts as an operator, which may pay from any wallet
# and whose rate limit (RateLimiting:OperatorPermitsPerSecond) is far above what one machine can send.
OPERATOR_TOKEN="${BENCH_TOKEN:-$(dotnet user-jwts create --project src/PaymentActors.Api --name bench --role operator --output token)}" \
  || { echo "dotnet user-jwts failed to mint an operator token." >&2; exit 1; }
AUTH=(-H "Authorization: Bearer $OPERATOR_TOKEN")

BASELINE_DLL=""
if wants baseline; then
  echo "Building the baseline ($BASELINE_COMMIT) from git archive..."
  mkdir -p "$SCRATCH/baseline"
  if git archive "$BASELINE_COMMIT" | tar -x -C "$SCRATCH/baseline" \
    && dotnet build "$SCRATCH/baseline/src/PaymentActors.Api/PaymentActors.Api.csproj" -c "$CONFIGURATION" -nologo -v quiet >"$OUT/build-baseline.log" 2>&1; then
    BASELINE_DLL="$SCRATCH/baseline/src/PaymentActors.Api/bin/$CONFIGURATION/net10.0/PaymentActors.Api.dll"
  else
    echo "  the baseline did not build; see $OUT/build-baseline.log" >&2
  fi
fi

# --- shared services -----------------------------------------------------------
if [ ! -x azurite/node_modules/.bin/azurite ]; then
  echo "Installing Azurite (npm ci --prefix azurite)..."
  npm ci --prefix azurite --no-audit --no-fund --loglevel=error >"$OUT/npm.log" 2>&1 || { tail -n 30 "$OUT/npm.log" >&2; exit 1; }
fi
# fresh_azurite NAME: a new Azurite on an empty data directory for each row that uses it. Azurite keeps its tables in
# one file and slows down as it grows, so a row that ran after another would pay for the earlier rows' data.
AZURITE_PID=""
fresh_azurite() {
  if [ -n "$AZURITE_PID" ]; then stop_pid "$AZURITE_PID"; fi
  rm -rf "$AZURITE_DATA"; mkdir -p "$AZURITE_DATA"
  start_process "azurite-$1" azurite/node_modules/.bin/azurite \
    --blobHost "$HOST" --blobPort "$AZURITE_BLOB_PORT" \
    --queueHost "$HOST" --queuePort "$AZURITE_QUEUE_PORT" \
    --tableHost "$HOST" --tablePort "$AZURITE_TABLE_PORT" \
    --location "$AZURITE_DATA" --skipApiVersionCheck --loose --disableTelemetry --silent
  AZURITE_PID="$LAST_PID"
  wait_ready "azurite-$1" "$AZURITE_PID" tcp_open "$AZURITE_TABLE_PORT"
}
echo "Azurite: a fresh one on $HOST:$AZURITE_TABLE_PORT (empty data directory) for each row that uses it."
fresh_azurite start || exit 1

echo "Starting the mock gateway on $GATEWAY_URL..."
start_process mock-gateway dotnet "$GATEWAY_DLL" --urls "$GATEWAY_URL"
wait_ready mock-gateway "$LAST_PID" curl -fs "$GATEWAY_URL/health" || exit 1

# gateway_behaviour JSON: what the mock gateway does for the next run (only the fields given change).
gateway_behaviour() {
  curl -fsS -X POST "$GATEWAY_URL/admin/behaviour" -H 'Content-Type: application/json' -d "$1" >/dev/null
}

# --- measuring helpers -----------------------------------------------------------
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }

# scrape DIR: each system process's /metrics into DIR (one process per file). The co-hosted API serves the silo's
# meters; a silo process serves its own at its Metrics:Port (SYSTEM_METRICS_URLS).
scrape() {
  local dir="$1" url i=0
  mkdir -p "$dir"
  for url in "${SYSTEM_METRICS_URLS[@]}"; do
    curl -fs "${AUTH[@]}" "$url/metrics" >"$dir/process-$i.txt" 2>/dev/null || true
    i=$((i + 1))
  done
}

success_total() {
  local url total=0 value
  for url in "${SYSTEM_METRICS_URLS[@]}"; do
    value="$(curl -fs "${AUTH[@]}" "$url/metrics" 2>/dev/null | awk '/^paymentactors_payment_success_total/ {s += $NF} END {print s + 0}')"
    total=$((total + ${value%.*}))
  done
  echo "$total"
}

# settle: waits (≤ 15 s) until the completed-payment counter stops moving, so that the counts cover finished payments.
settle() {
  local last=-1 now deadline=$((SECONDS + 15))
  while ((SECONDS < deadline)); do
    now="$(success_total)"
    [ "$now" = "$last" ] && return 0
    last="$now"
    sleep 1
  done
}

fund() {
  curl -fsS -X POST "$API_URL/wallets/$1/deposits" "${AUTH[@]}" -H 'Content-Type: application/json' \
    -H "Idempotency-Key: fund-$1" -d '{"amount":"100000000.00","currency":"USD"}' >/dev/null
}
balance() { curl -fsS "${AUTH[@]}" "$API_URL/wallets/$1" | jq -r .data.balance; }

# hey_load WALLET SECONDS|-nN CONCURRENCY OUTPUT: POST /payments?wait=true of 1.00 USD from WALLET.
hey_load() {
  local wallet="$1" amount="$2" concurrency="$3" output="$4" how=(-z "${2}s")
  case "$amount" in -n*) how=(-n "${amount#-n}") ;; esac
  hey "${how[@]}" -c "$concurrency" -m POST -T application/json "${AUTH[@]}" \
    -d "{\"user_id\":\"$wallet\",\"service_id\":\"bench\",\"amount\":\"1.00\",\"currency\":\"USD\"}" \
    "$API_URL/payments?wait=true" >"$output" 2>&1
}

# hey_percentile P FILE: hey's P% latency in ms ("-" when hey printed none: it omits 99% for very few requests).
hey_percentile() { awk -v p="$1%" '$1 == p && $2 == "in" {v = sprintf("%.1f", $3 * 1000)} END {print (v == "" ? "-" : v)}' "$2"; }

# --- the system under test -------------------------------------------------------
# start_system ID DLL STORAGE [API ARGS...]: one API with its co-hosted silo or, with ROW_SILOS=N (N > 0), N silo
# processes and the API as their client (Orleans:Mode=Client), as `./run.sh --silos N` starts them. Sets SYSTEM_PIDS,
# SYSTEM_NAMES and SYSTEM_METRICS_URLS.
ROW_SILOS=0
start_system() {
  local id="$1" dll="$2" storage="$3"; shift 3
  local storage_args=("--Storage:Provider=$storage") cluster_args i
  # BENCH_SYSTEM_ARGS: settings for the front door and every silo (e.g. the logging of an earlier configuration).
  # shellcheck disable=SC2206
  set -- "$@" ${BENCH_SYSTEM_ARGS:-}
  if [ "$storage" = AzureTables ]; then
    storage_args+=("--ConnectionStrings:AzureTables=$AZURE_CONNECTION")
    fresh_azurite "$id" || return 1
  fi
  cluster_args=(--Orleans:ClusterId="bench-$id" --Orleans:ServiceId="bench-$id-$RANDOM")
  SYSTEM_PIDS=(); SYSTEM_NAMES=(); SYSTEM_METRICS_URLS=()
  local orleans_args=(--Orleans:SiloPort="$SILO_PORT" --Orleans:GatewayPort="$ORLEANS_GATEWAY_PORT")
  if [ "$ROW_SILOS" -gt 0 ]; then
    for ((i = 0; i < ROW_SILOS; i++)); do
      start_process "silo-$((i + 1))-$id" dotnet "$SILO_DLL" \
        --Orleans:SiloPort="$((SILO_PORT + 1 + i))" --Orleans:GatewayPort="$((ORLEANS_GATEWAY_PORT + 1 + i))" \
        --Metrics:Port="$((SILO_METRICS_PORT + i))" "${cluster_args[@]}" "${storage_args[@]}" \
        --Gateway:Mode=Http --PaymentGateway:BaseUrl="$GATEWAY_URL" "$@"
      SYSTEM_PIDS+=("$LAST_PID"); SYSTEM_NAMES+=("silo-$((i + 1))"); SYSTEM_METRICS_URLS+=("http://$HOST:$((SILO_METRICS_PORT + i))")
    done
    for ((i = 0; i < ROW_SILOS; i++)); do
      wait_ready "silo-$((i + 1))-$id" "${SYSTEM_PIDS[i]}" tcp_open "$((ORLEANS_GATEWAY_PORT + 1 + i))" || return 1
    done
    orleans_args=(--Orleans:Mode=Client)
  fi
  start_process "api-$id" dotnet "$dll" \
    --urls "$API_URL" --environment Development \
    "${orleans_args[@]}" "${cluster_args[@]}" \
    "${storage_args[@]}" \
    --Gateway:Mode=Http --PaymentGateway:BaseUrl="$GATEWAY_URL" "$@"
  SYSTEM_PIDS=("$LAST_PID" "${SYSTEM_PIDS[@]}"); SYSTEM_NAMES=(api "${SYSTEM_NAMES[@]}")
  SYSTEM_METRICS_URLS=("$API_URL" "${SYSTEM_METRICS_URLS[@]}")
  wait_ready "api-$id" "$LAST_PID" curl -fs "$API_URL/health/ready"
}

stop_system() { local pid; for pid in "${SYSTEM_PIDS[@]}"; do stop_pid "$pid"; done; }

TABLE_ROWS=()
row_failed() { TABLE_ROWS+=("$1|-|-|-|-|-|-|-|-|$2|$(cut -d ' ' -f 1 /proc/loadavg)"); echo "  $2"; }

# measure_begin / measure_end GENERATOR_TICKS: CPU and counters around the load (after the warm-up).
measure_begin() {
  local pid
  scrape "$ROW_DIR/before"
  SYSTEM_TICKS0=(); for pid in "${SYSTEM_PIDS[@]}"; do SYSTEM_TICKS0+=("$(cpu_ticks "$pid")"); done
  AZURITE_TICKS0="$(cpu_ticks "$AZURITE_PID")"
  PERF_PIDS=()
  if [ "${BENCH_PROFILE:-0}" = 1 ]; then
    local i
    for ((i = 0; i < ${#SYSTEM_PIDS[@]}; i++)); do
      perf record -F 299 -g -p "${SYSTEM_PIDS[i]}" -o "$ROW_DIR/perf-${SYSTEM_NAMES[i]}.data" -- sleep "$((SECONDS_OF_LOAD - 1))" \
        >"$ROW_DIR/perf-${SYSTEM_NAMES[i]}.log" 2>&1 &
      PERF_PIDS+=($!)
    done
  fi
  LOAD_STARTED="$(date +%s.%N)"
}

# profile_report: each profiled process's share of samples by module and its top methods (self time).
profile_report() {
  local pid name
  for pid in "${PERF_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  for name in "${SYSTEM_NAMES[@]}"; do
    [ -s "$ROW_DIR/perf-$name.data" ] || continue
    perf report -i "$ROW_DIR/perf-$name.data" --no-children --sort dso,sym 2>/dev/null | python3 -c '
import collections, re, sys
modules = collections.Counter(); methods = collections.Counter()
for line in sys.stdin:
    m = re.match(r"\s+([0-9.]+)%\s+(.*?)\s+\[(.)\] (.*)", line)
    if not m:
        continue
    share = float(m.group(1)); assembly = re.search(r"\[([A-Za-z][\w.]+)\]", m.group(4))
    modules[assembly.group(1) if assembly and "[JIT]" in m.group(2) else m.group(2).split()[0]] += share
    methods[m.group(4)[:160]] += share
print("share of samples by module:")
for module, share in modules.most_common(25): print(f"  {share:6.2f}%  {module}")
print("top methods (self):")
for method, share in methods.most_common(40): print(f"  {share:6.2f}%  {method}")
' >"$ROW_DIR/profile-$name.txt" 2>&1 || true
  done
}

# measure_end GENERATOR_CPU_SECONDS: sets COMPLETED, RATE, the per-payment CPU and the counts.
measure_end() {
  local generator_cpu="$1" i ticks=() load_ended
  load_ended="$(date +%s.%N)"
  # name=ticks for each system process, over the load.
  for ((i = 0; i < ${#SYSTEM_PIDS[@]}; i++)); do ticks+=("${SYSTEM_NAMES[i]}=$(($(cpu_ticks "${SYSTEM_PIDS[i]}") - SYSTEM_TICKS0[i]))"); done
  local azurite_ticks=$(($(cpu_ticks "$AZURITE_PID") - AZURITE_TICKS0))
  [ "${BENCH_PROFILE:-0}" = 1 ] && profile_report
  settle
  scrape "$ROW_DIR/after"
  python3 "$DELTA" "$ROW_DIR/before" "$ROW_DIR/after" >"$ROW_DIR/counts.txt" || true
  python3 "$DELTA" "$ROW_DIR/before" "$ROW_DIR/after" --json >"$ROW_DIR/counts.json" || echo '{}' >"$ROW_DIR/counts.json"
  COMPLETED="$(jq -r '.completed // 0 | floor' "$ROW_DIR/counts.json")"
  STORAGE_PER="$(jq -r '.storage_requests // "n/a" | tostring' "$ROW_DIR/counts.json")"
  MESSAGES_PER="$(jq -r '.grain_messages // "n/a" | tostring' "$ROW_DIR/counts.json")"
  python3 - "$COMPLETED" "$LOAD_STARTED" "$load_ended" "$azurite_ticks" "$generator_cpu" "$TICK" "${ticks[@]}" >"$ROW_DIR/cpu.txt" <<'EOF'
import sys
completed, started, ended, azurite, generator, tick = sys.argv[1:7]
processes = [(name, int(value)) for name, value in (arg.split("=") for arg in sys.argv[7:])]
completed = max(int(completed), 1)
seconds = float(ended) - float(started)
per = lambda ticks: round(float(ticks) / float(tick) * 1000 / completed, 2)
system = str(per(sum(t for _, t in processes)))
if len(processes) > 1:
    system += " (" + ", ".join(f"{name} {per(t)}" for name, t in processes) + ")"
print(round(int(sys.argv[1]) / seconds), per(azurite), round(float(generator) * 1000 / completed, 2), system)
EOF
  read -r RATE AZURITE_CPU GENERATOR_CPU SYSTEM_CPU <"$ROW_DIR/cpu.txt"
  if [ "$STORAGE_KIND" = memory ]; then AZURITE_CPU="-"; STORAGE_PER="n/a (memory)"; fi
}

# timed_cpu COMMAND...: runs COMMAND, leaves its user+system CPU seconds in TIMED_CPU.
timed_cpu() {
  local TIMEFORMAT='%U %S' timing
  timing="$( { time "$@" >/dev/null 2>&1; } 2>&1 )" || true
  TIMED_CPU="$(awk '{print $1 + $2}' <<<"$timing")"
}

# hey_row ID LABEL DLL STORAGE [API ARGS...]: warm-up, then hey on one hot wallet (ROW_CLIENTS clients, default CLIENTS).
ROW_CLIENTS=""
hey_row() {
  local id="$1" label="$2" dll="$3" storage="$4"; shift 4
  local clients="${ROW_CLIENTS:-$CLIENTS}"
  wants "$id" || return 0
  echo "[$id] $label"
  ROW_DIR="$OUT/$id"; mkdir -p "$ROW_DIR"
  STORAGE_KIND=$([ "$storage" = Memory ] && echo memory || echo azure)
  [ -n "$dll" ] || { row_failed "$label" "not built"; return 0; }
  gateway_behaviour '{"fail_rate":0,"latency_min_ms":0,"latency_max_ms":0,"timeout_rate":0,"outage":false}'
  if ! start_system "$id" "$dll" "$storage" "$@"; then stop_system; row_failed "$label" "system did not start (see $OUT/api-$id.log)"; return 0; fi
  local warm="warm-$id-$RANDOM" hot="hot-$id-$RANDOM"
  fund "$warm"; fund "$hot"
  hey_load "$warm" "$WARMUP" "$clients" "$ROW_DIR/warmup.txt"
  settle
  local before; before="$(balance "$hot")"
  measure_begin
  timed_cpu hey_load "$hot" "$SECONDS_OF_LOAD" "$clients" "$ROW_DIR/hey.txt"
  measure_end "$TIMED_CPU"
  local after non200 check
  after="$(balance "$hot")"
  non200="$(awk '/^  \[[0-9]+\]/ && $1 != "[200]" {n += $2} END {print n + 0}' "$ROW_DIR/hey.txt")"
  # Each completed payment took exactly 1.00 from the wallet, and every answer was a 200.
  if python3 -c "import sys; sys.exit(0 if round(float('$before') - float('$after')) == $COMPLETED else 1)" && [ "$non200" = 0 ]; then
    check="money ok"
  else
    check="CHECK ($before→$after, $COMPLETED completed, $non200 non-200)"
  fi
  TABLE_ROWS+=("$label|$RATE|$(hey_percentile 50 "$ROW_DIR/hey.txt")|$(hey_percentile 99 "$ROW_DIR/hey.txt")|$STORAGE_PER|$MESSAGES_PER|$SYSTEM_CPU|$AZURITE_CPU|$GENERATOR_CPU|$check|$(cut -d ' ' -f 1 /proc/loadavg)")
  echo "  ${TABLE_ROWS[-1]}"
  stop_system
}

# load_row ID LABEL STORAGE BEHAVIOUR_JSON SCENARIO [LOAD TESTER ARGS...]: warm-up with hey, then the load tester.
load_row() {
  local id="$1" label="$2" storage="$3" behaviour="$4" scenario="$5"; shift 5
  wants "$id" || return 0
  echo "[$id] $label"
  ROW_DIR="$OUT/$id"; mkdir -p "$ROW_DIR"
  STORAGE_KIND=$([ "$storage" = Memory ] && echo memory || echo azure)
  gateway_behaviour '{"fail_rate":0,"latency_min_ms":0,"latency_max_ms":0,"timeout_rate":0,"outage":false}'
  if ! start_system "$id" "$API_DLL" "$storage"; then stop_system; row_failed "$label" "system did not start (see $OUT/api-$id.log)"; return 0; fi
  local warm="warm-$id-$RANDOM"
  fund "$warm"
  hey_load "$warm" "$WARMUP" "$CLIENTS" "$ROW_DIR/warmup.txt"
  settle
  gateway_behaviour "$behaviour"
  local report="$ROW_DIR/report.json"
  local token_args=(--token "$OPERATOR_TOKEN")
  measure_begin
  timed_cpu dotnet "$LOADTEST_DLL" "$scenario" --url "$API_URL" -c "$CLIENTS" -d "${SECONDS_OF_LOAD}s" --drain-timeout 60s \
    --seed 42 --report "$report" "${token_args[@]}" "$@"
  measure_end "$TIMED_CPU"
  if [ ! -s "$report" ]; then
    row_failed "$label" "no report (see $ROW_DIR)"
  else
    local audit p50 p99
    audit="$(jq -r 'if .audit.violations | length == 0 then "audit PASS" else "audit FAIL (\(.audit.violations | length))" end' "$report")"
    p50="$(jq -r '.settle_latency.p50_ms // "-" | if type == "number" then (. * 10 | round / 10) else . end' "$report")"
    p99="$(jq -r '.settle_latency.p99_ms // "-" | if type == "number" then (. * 10 | round / 10) else . end' "$report")"
    TABLE_ROWS+=("$label|$RATE|$p50|$p99|$STORAGE_PER|$MESSAGES_PER|$SYSTEM_CPU|$AZURITE_CPU|$GENERATOR_CPU|$audit|$(cut -d ' ' -f 1 /proc/loadavg)")
    echo "  ${TABLE_ROWS[-1]}"
  fi
  stop_system
}

# The seeds' design against the same Azurite, same number of clients.
peer_row() {
  wants peer || return 0
  local label="seeds' design: $CLIENTS workers, one wallet row, Azurite"
  echo "[peer] $label"
  ROW_DIR="$OUT/peer"; mkdir -p "$ROW_DIR"
  fresh_azurite peer || { row_failed "$label" "Azurite did not start"; return 0; }
  local azurite0; azurite0="$(cpu_ticks "$AZURITE_PID")"
  timed_cpu dotnet "$PEER_DLL" --connection-string "$AZURE_CONNECTION" --workers "$CLIENTS" \
    --seconds "$SECONDS_OF_LOAD" --warmup "$WARMUP" --report "$ROW_DIR/report.json"
  if [ ! -s "$ROW_DIR/report.json" ]; then row_failed "$label" "no report"; return 0; fi
  local azurite_ticks=$(($(cpu_ticks "$AZURITE_PID") - azurite0))
  # Azurite's and the peer's CPU cover its warm-up too (one process does both): per debit over warm-up + load.
  TABLE_ROWS+=("$(jq -r --arg name "$label" --arg tick "$TICK" --arg az "$azurite_ticks" --arg gen "$TIMED_CPU" --arg warm "$WARMUP" --arg load "$(cut -d ' ' -f 1 /proc/loadavg)" '
      (.debits * (1 + ($warm | tonumber) / .seconds)) as $all |
      [ $name, (.debits_per_second | round | tostring), (.p50_ms | tostring), (.p99_ms | tostring),
        (.storage_requests_per_debit | tostring), "-", "-",
        (($az | tonumber) / ($tick | tonumber) * 1000 / ([$all, 1] | max) * 100 | round / 100 | tostring),
        (($gen | tonumber) * 1000 / ([$all, 1] | max) * 100 | round / 100 | tostring),
        (if .money_conserved then "money ok, \(.conflicts_per_debit) 412/debit" else "MONEY NOT CONSERVED" end), $load ] | join("|")' "$ROW_DIR/report.json")")
  echo "  ${TABLE_ROWS[-1]}"
}

# Issue #10 item 6: with the gateway in outage and the breaker open, how long POST /payments?wait=true takes.
breaker_row() {
  wants breaker || return 0
  local label="gateway outage, breaker open: POST ?wait=true"
  echo "[breaker] $label"
  ROW_DIR="$OUT/breaker"; mkdir -p "$ROW_DIR"
  gateway_behaviour '{"fail_rate":0,"latency_min_ms":0,"latency_max_ms":0,"timeout_rate":0,"outage":false}'
  if ! start_system breaker "$API_DLL" AzureTables; then stop_system; row_failed "$label" "system did not start"; return 0; fi
  local wallet="breaker-$RANDOM"
  fund "$wallet"
  gateway_behaviour '{"outage":true}'
  # Enough failing payments to open the breaker, then the measured ones.
  hey_load "$wallet" -n200 16 "$ROW_DIR/trip.txt"
  curl -fs "${AUTH[@]}" "$API_URL/gateway" >"$ROW_DIR/gateway-before.json" 2>/dev/null || true
  hey_load "$wallet" -n200 8 "$ROW_DIR/hey.txt"
  curl -fs "${AUTH[@]}" "$API_URL/gateway" >"$ROW_DIR/gateway-after.json" 2>/dev/null || true
  gateway_behaviour '{"outage":false}'
  local rate; rate="$(awk '/Requests\/sec/ {printf "%.0f answers/s", $2}' "$ROW_DIR/hey.txt")"
  TABLE_ROWS+=("$label|$rate|$(hey_percentile 50 "$ROW_DIR/hey.txt")|$(hey_percentile 99 "$ROW_DIR/hey.txt")|-|-|-|-|-|each ends failed|$(cut -d ' ' -f 1 /proc/loadavg)")
  echo "  ${TABLE_ROWS[-1]}"
  stop_system
}

# wrk_to FILE ARGS...: wrk with its report in FILE. wrk_percentile P FILE: wrk's P% latency in ms.
wrk_to() { local file="$1"; shift; wrk "$@" >"$file" 2>&1; }
wrk_percentile() {
  awk -v p="$1%" '$1 == p {
      v = $2; unit = v; sub(/^[0-9.]+/, "", unit); sub(/[a-z]+$/, "", v)
      ms = (unit == "us" ? v / 1000 : unit == "s" ? v * 1000 : unit == "m" ? v * 60000 : v)
      printf "%.1f", ms; found = 1 }
    END { if (!found) print "-" }' "$2"
}

# many_row: MANY_WALLETS wallets funded before the window, wrk paying from a random one each request on
# POST /payments?wait=true, a warm-up on the same wallets (their grains active, their reminders registered), then the
# measured window. Checked: the wallets' debits over the window equal the completed payments, and every answer was 2xx.
many_row() {
  wants many || return 0
  local label="$MANY_WALLETS wallets, Azurite, wrk"
  echo "[many] $label"
  ROW_DIR="$OUT/many"; mkdir -p "$ROW_DIR"
  STORAGE_KIND=azure
  gateway_behaviour "$NO_GATEWAY_FAULTS"
  if ! start_system many "$API_DLL" AzureTables; then stop_system; row_failed "$label" "system did not start (see $OUT/api-many.log)"; return 0; fi
  local prefix="mw-$RANDOM-"
  seq 1 "$MANY_WALLETS" | xargs -P 16 -I{} curl -fsS -o /dev/null -X POST "$API_URL/wallets/${prefix}{}/deposits" "${AUTH[@]}" \
    -H 'Content-Type: application/json' -H "Idempotency-Key: fund-${prefix}{}" -d '{"amount":"1000000.00","currency":"USD"}'
  cat >"$ROW_DIR/pay.lua" <<LUA
math.randomseed(os.time())
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $OPERATOR_TOKEN"
request = function()
  local body = '{"user_id":"${prefix}' .. math.random(1, $MANY_WALLETS) .. '","service_id":"bench","amount":"1.00","currency":"USD"}'
  return wrk.format("POST", "/payments?wait=true", nil, body)
end
LUA
  wallets_total() {
    seq 1 "$MANY_WALLETS" | xargs -P 16 -I{} curl -fsS "${AUTH[@]}" "$API_URL/wallets/${prefix}{}" | jq -r .data.balance \
      | python3 -c "import sys; print(sum(float(x) for x in sys.stdin))"
  }
  wrk_to "$ROW_DIR/warmup.txt" -t2 -c"$CLIENTS" -d"${WARMUP}s" --latency -s "$ROW_DIR/pay.lua" "$API_URL"
  settle
  local before; before="$(wallets_total)"
  measure_begin
  timed_cpu wrk_to "$ROW_DIR/wrk.txt" -t2 -c"$CLIENTS" -d"${SECONDS_OF_LOAD}s" --latency -s "$ROW_DIR/pay.lua" "$API_URL"
  measure_end "$TIMED_CPU"
  local after check non2xx
  after="$(wallets_total)"
  non2xx="$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$ROW_DIR/wrk.txt")"
  if python3 -c "import sys; sys.exit(0 if round(float('$before') - float('$after')) == $COMPLETED else 1)" && [ -z "$non2xx" ]; then
    check="money ok"
  else
    check="CHECK ($before→$after, $COMPLETED completed, ${non2xx:-0} non-2xx)"
  fi
  TABLE_ROWS+=("$label|$RATE|$(wrk_percentile 50 "$ROW_DIR/wrk.txt")|$(wrk_percentile 99 "$ROW_DIR/wrk.txt")|$STORAGE_PER|$MESSAGES_PER|$SYSTEM_CPU|$AZURITE_CPU|$GENERATOR_CPU|$check|$(cut -d ' ' -f 1 /proc/loadavg)")
  echo "  ${TABLE_ROWS[-1]}"
  stop_system
}

# --- PostgreSQL (pg-* rows) ---------------------------------------------------------
# pg_start: a PostgreSQL of our own on a temporary data directory, a unix socket in it and PG_PORT, run as `postgres`
# when this script runs as root (PostgreSQL refuses root). fsync and synchronous_commit on, as production runs.
PG_DIR=""; PG_PID=""; PG_AS=()
pg_start() {
  [ -n "$PG_PID" ] && return 0
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -z "$bin" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "  installing PostgreSQL (apt-get install postgresql)..."
      { apt-get install -y --no-install-recommends postgresql || { apt-get update && apt-get install -y --no-install-recommends postgresql; }; } \
        >"$OUT/apt-postgresql.log" 2>&1 || { echo "  apt-get install postgresql failed; see $OUT/apt-postgresql.log" >&2; return 1; }
      bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    fi
    [ -n "$bin" ] || { echo "  PostgreSQL is not installed (apt-get install postgresql)." >&2; return 1; }
  fi
  PG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/paymentactors-pg.XXXXXX")"
  if [ "$(id -u)" = 0 ]; then chown postgres: "$PG_DIR"; PG_AS=(runuser -u postgres --); fi
  "${PG_AS[@]}" "$bin/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --no-instructions >"$OUT/postgres-initdb.log" 2>&1 \
    || { tail -n 5 "$OUT/postgres-initdb.log" >&2; return 1; }
  "${PG_AS[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/postgres.log" -w -t 60 start \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses= -c fsync=on -c synchronous_commit=on -c max_connections=200" \
    >"$OUT/postgres-start.log" 2>&1 || { cat "$PG_DIR/postgres.log" >&2 2>/dev/null; return 1; }
  PG_PID="$(head -n 1 "$PG_DIR/data/postmaster.pid")"
  PG_BIN="$bin"
  PG_CONNECTION="Host=$PG_DIR;Port=$PG_PORT;Username=postgres;Database=postgres"
  "${PG_AS[@]}" "$bin/postgres" --version >"$OUT/postgres-version.txt" 2>&1 || true
}
pg_stop() {
  [ -n "$PG_PID" ] || return 0
  "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || kill -TERM "$PG_PID" 2>/dev/null || true
  cp "$PG_DIR/postgres.log" "$OUT/postgres.log" 2>/dev/null || true
  rm -rf "$PG_DIR"; PG_PID=""
}

# pg_row ID CLIENTS WALLETS: the pg-peer program against our PostgreSQL and the same mock gateway (no latency).
pg_row() {
  local id="$1" clients="$2" wallets="$3"
  wants "$id" || return 0
  local label
  if [ "$wallets" = 1 ]; then label="pg-peer: hot wallet, PostgreSQL, $clients clients"; else label="pg-peer: $wallets wallets, PostgreSQL, $clients clients"; fi
  echo "[$id] $label"
  ROW_DIR="$OUT/$id"; mkdir -p "$ROW_DIR"
  pg_start || { row_failed "$label" "PostgreSQL did not start"; return 0; }
  gateway_behaviour "$NO_GATEWAY_FAULTS"
  timed_cpu dotnet "$PG_PEER_DLL" --connection-string "$PG_CONNECTION" --gateway-url "$GATEWAY_URL" --clients "$clients" \
    --wallets "$wallets" --seconds "$SECONDS_OF_LOAD" --warmup "$WARMUP" --postgres-pid "$PG_PID" --report "$ROW_DIR/report.json"
  if [ ! -s "$ROW_DIR/report.json" ]; then row_failed "$label" "no report"; return 0; fi
  # The peer program is the service and the load generator in one: its CPU goes in the system column.
  TABLE_ROWS+=("$(jq -r --arg name "$label" --arg load "$(cut -d ' ' -f 1 /proc/loadavg)" '
      [ $name, (.completed_per_second | round | tostring), (.p50_ms | tostring), (.p99_ms | tostring),
        "7 round trips, 2 commits", "-", "peer \(.peer_cpu_ms_per_payment) (service + load generator)",
        "\(.postgres_cpu_ms_per_payment // "-") (PostgreSQL)", "-",
        (if .audit_violations == 0 then "audit PASS" else "audit FAIL (\(.audit_violations) wallets)" end), $load ] | join("|")' "$ROW_DIR/report.json")")
  echo "  ${TABLE_ROWS[-1]}"
}

# --- rows ------------------------------------------------------------------------
# A row that breaks is reported and the next one runs: the table is always printed (set -e is off inside a `||`).
NO_GATEWAY_FAULTS='{"fail_rate":0,"latency_min_ms":0,"latency_max_ms":0,"timeout_rate":0,"outage":false}'
row_broke() { echo "  row $1 broke; see $OUT/" >&2; TABLE_ROWS+=("$1|-|-|-|-|-|-|-|-|row broke (see $OUT)|-"); }
hey_row baseline "round-1 main ($BASELINE_COMMIT): hot wallet, Azurite, hey" "$BASELINE_DLL" AzureTables || row_broke baseline
hey_row hot-hey "hot wallet, Azurite, hey" "$API_DLL" AzureTables || row_broke hot-hey
ROW_SILOS=$CLUSTER_SILOS
hey_row cluster-hey "hot wallet, Azurite, hey, front door + $CLUSTER_SILOS silo processes" "$API_DLL" AzureTables || row_broke cluster-hey
ROW_SILOS=0
ROW_CLIENTS=4 hey_row hot-c4 "hot wallet, Azurite, hey, 4 clients" "$API_DLL" AzureTables || row_broke hot-c4
ROW_CLIENTS=16 hey_row hot-c16 "hot wallet, Azurite, hey, 16 clients" "$API_DLL" AzureTables || row_broke hot-c16
many_row || row_broke many
pg_row pg-c4 4 1 || row_broke pg-c4
pg_row pg-c16 16 1 || row_broke pg-c16
pg_row pg-c64 64 1 || row_broke pg-c64
pg_row pg-many "$CLIENTS" "$MANY_WALLETS" || row_broke pg-many
pg_stop
load_row hot-load "hot wallet, Azurite, load tester (keys)" AzureTables "$NO_GATEWAY_FAULTS" hot-wallet --deposit 10000000 || row_broke hot-load
hey_row mem-hey "hot wallet, in memory, hey" "$API_DLL" Memory || row_broke mem-hey
load_row spread "10,000 wallets, Azurite, load tester" AzureTables "$NO_GATEWAY_FAULTS" spread -k 10000 --deposit 1000 || row_broke spread
load_row realistic "hot wallet, Azurite, declines 10%, 10-50 ms" AzureTables \
  '{"fail_rate":0.1,"latency_min_ms":10,"latency_max_ms":50,"timeout_rate":0,"outage":false}' hot-wallet --deposit 10000000 || row_broke realistic
peer_row || row_broke peer
breaker_row || row_broke breaker

# --- the table -----------------------------------------------------------------
echo
echo "PaymentActors bench: $CLIENTS clients, ${WARMUP}s warm-up + ${SECONDS_OF_LOAD}s load per row, $(nproc) cores, $(date -u +%FT%TZ), details in $OUT/"
{
  echo "configuration|completed/s|p50 ms|p99 ms|storage req/pay|grain msg/pay|system CPU ms/pay|store CPU ms/pay|load-gen CPU ms/pay|check|load1"
  printf '%s\n' "${TABLE_ROWS[@]}"
} | column -t -s '|' -o ' | ' | tee "$OUT/table.txt"
echo "Per-row breakdowns (storage requests by table and operation, grain messages by method): $OUT/<row>/counts.txt"
