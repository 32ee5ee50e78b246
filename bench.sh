#!/usr/bin/env bash
# Benchmarks PaymentActors on this machine and prints one table. Everything runs on loopback and is started and
# stopped by this script: Azurite (own ports, temporary data directory), the mock gateway, and one API process per
# configuration. Each run is bounded (BENCH_DURATION of load, then a bounded drain) and audited.
#
#   ./bench.sh                      all rows
#   BENCH_DURATION=20s ./bench.sh   longer runs (default 15s)
#   BENCH_ROWS="hot-gc-on mem" ./bench.sh   only some rows (ids: hot-gc-on hot-gc-off mem spread realistic)
#   BENCH_GC_SERVER=1 ./bench.sh    the API with server GC (default here: workstation GC, twice the throughput
#                                   measured on a busy 2-core machine; see BENCHMARKS.md)
#
# The last column is the 1-minute load average after the run: numbers from a machine busy with other work are low.
# Reports (JSON) and logs go to .bench/<utc time>/.
set -euo pipefail
cd "$(dirname "$0")"

DURATION="${BENCH_DURATION:-15s}"
CLIENTS="${BENCH_CLIENTS:-64}"
ROWS="${BENCH_ROWS:-hot-gc-on hot-gc-off mem spread realistic}"
GC_SERVER="${BENCH_GC_SERVER:-0}"
CONFIGURATION=Release
HOST=127.0.0.1
API_PORT="${BENCH_API_PORT:-15180}"
GATEWAY_PORT="${BENCH_GATEWAY_PORT:-15190}"
SILO_PORT="${BENCH_SILO_PORT:-21211}"
ORLEANS_GATEWAY_PORT="${BENCH_ORLEANS_GATEWAY_PORT:-31211}"
AZURITE_BLOB_PORT="${BENCH_AZURITE_BLOB_PORT:-20200}"
AZURITE_QUEUE_PORT="${BENCH_AZURITE_QUEUE_PORT:-20201}"
AZURITE_TABLE_PORT="${BENCH_AZURITE_TABLE_PORT:-20202}"
READY_TIMEOUT_SECONDS=90
OUT=".bench/$(date -u +%Y%m%dT%H%M%SZ)"
API_URL="http://$HOST:$API_PORT"
GATEWAY_URL="http://$HOST:$GATEWAY_PORT"
AZURE_CONNECTION="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://$HOST:$AZURITE_BLOB_PORT/devstoreaccount1;QueueEndpoint=http://$HOST:$AZURITE_QUEUE_PORT/devstoreaccount1;TableEndpoint=http://$HOST:$AZURITE_TABLE_PORT/devstoreaccount1;"

for tool in dotnet curl jq npm; do
  command -v "$tool" >/dev/null || { echo "$tool is required." >&2; exit 1; }
done
mkdir -p "$OUT"
AZURITE_DATA="$(mktemp -d "${TMPDIR:-/tmp}/paymentactors-bench-azurite.XXXXXX")"

# --- processes ---------------------------------------------------------------
PIDS=()
NAMES=()

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
  rm -rf "$AZURITE_DATA"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# start_process NAME COMMAND [ARGS...]: background, output in $OUT/NAME.log; sets LAST_PID.
start_process() {
  local name="$1"; shift
  "$@" >"$OUT/$name.log" 2>&1 &
  LAST_PID=$!
  PIDS+=("$LAST_PID")
  NAMES+=("$name")
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
for port in "$API_PORT" "$GATEWAY_PORT" "$SILO_PORT" "$ORLEANS_GATEWAY_PORT" "$AZURITE_BLOB_PORT" "$AZURITE_QUEUE_PORT" "$AZURITE_TABLE_PORT"; do
  if tcp_open "$port"; then
    echo "Port $port on $HOST is already in use; choose others with the BENCH_*_PORT variables." >&2
    exit 1
  fi
done

# --- build -------------------------------------------------------------------
echo "Building ($CONFIGURATION)..."
for project in src/PaymentActors.Api src/PaymentActors.MockGateway src/PaymentActors.Cli; do
  dotnet build "$project/$(basename "$project").csproj" -c "$CONFIGURATION" -nologo -v quiet >"$OUT/build.log" 2>&1 \
    || { tail -n 30 "$OUT/build.log" >&2; exit 1; }
done
API_DLL="src/PaymentActors.Api/bin/$CONFIGURATION/net10.0/PaymentActors.Api.dll"
GATEWAY_DLL="src/PaymentActors.MockGateway/bin/$CONFIGURATION/net10.0/PaymentActors.MockGateway.dll"
LOADTEST_DLL="src/PaymentActors.Cli/bin/$CONFIGURATION/net10.0/PaymentActors.Cli.dll"

# --- operator token ----------------------------------------------------------------
# Authentication is on: the API runs in Development and validates `dotnet user-jwts` tokens (key in user secrets);
# the load tester funds wallets, pays for every user and reads /metrics, so it needs an operator token.
OPERATOR_TOKEN="$(dotnet user-jwts create --project src/PaymentActors.Api --name bench --role operator --output token)" \
  || { echo "dotnet user-jwts failed to mint an operator token." >&2; exit 1; }

# --- shared services -----------------------------------------------------------
if [ ! -x azurite/node_modules/.bin/azurite ]; then
  echo "Installing Azurite (npm ci --prefix azurite)..."
  npm ci --prefix azurite --no-audit --no-fund --loglevel=error >"$OUT/npm.log" 2>&1 || { tail -n 30 "$OUT/npm.log" >&2; exit 1; }
fi
echo "Starting Azurite on $HOST:$AZURITE_TABLE_PORT (data in $AZURITE_DATA)..."
start_process azurite azurite/node_modules/.bin/azurite \
  --blobHost "$HOST" --blobPort "$AZURITE_BLOB_PORT" \
  --queueHost "$HOST" --queuePort "$AZURITE_QUEUE_PORT" \
  --tableHost "$HOST" --tablePort "$AZURITE_TABLE_PORT" \
  --location "$AZURITE_DATA" --skipApiVersionCheck --loose --disableTelemetry --silent
wait_ready azurite "$LAST_PID" tcp_open "$AZURITE_TABLE_PORT" || exit 1

echo "Starting the mock gateway on $GATEWAY_URL..."
start_process mock-gateway dotnet "$GATEWAY_DLL" --urls "$GATEWAY_URL" --Logging:LogLevel:Default=Warning
wait_ready mock-gateway "$LAST_PID" curl -fs "$GATEWAY_URL/health" || exit 1

# gateway_behaviour FAIL_RATE MIN_MS MAX_MS: what the mock gateway does for the next run.
gateway_behaviour() {
  curl -fsS -X POST "$GATEWAY_URL/admin/behaviour" -H 'Content-Type: application/json' \
    -d "{\"fail_rate\":$1,\"latency_min_ms\":$2,\"latency_max_ms\":$3}" >/dev/null
}

# --- runs ----------------------------------------------------------------------
TABLE_ROWS=()

# run_row ID LABEL STORAGE GROUP_COMMIT FAIL_RATE MIN_MS MAX_MS SCENARIO [LOADTEST ARGS...]
run_row() {
  local id="$1" label="$2" storage="$3" group_commit="$4" fail_rate="$5" min_ms="$6" max_ms="$7" scenario="$8"
  shift 8
  case " $ROWS " in *" $id "*) ;; *) return 0 ;; esac
  echo "[$id] $label"
  gateway_behaviour "$fail_rate" "$min_ms" "$max_ms"

  if tcp_open "$API_PORT" || tcp_open "$SILO_PORT"; then
    TABLE_ROWS+=("$label|-|-|-|-|-|port $API_PORT or $SILO_PORT taken by another process|-")
    return 0
  fi
  local storage_args=("--Storage:Provider=$storage")
  if [ "$storage" = AzureTables ]; then storage_args+=("--ConnectionStrings:AzureTables=$AZURE_CONNECTION"); fi
  # The simulated gateway is configured like the mock, so a build without Gateway:Mode=Http measures the same profile.
  start_process "api-$id" env DOTNET_gcServer="$GC_SERVER" dotnet "$API_DLL" \
    --urls "$API_URL" --environment Development \
    --Orleans:SiloPort="$SILO_PORT" --Orleans:GatewayPort="$ORLEANS_GATEWAY_PORT" \
    --Orleans:ClusterId="bench-$id" --Orleans:ServiceId="bench-$id-$RANDOM" \
    "${storage_args[@]}" \
    --PaymentActors:GroupCommit="$group_commit" \
    --Gateway:Mode=Http --PaymentGateway:BaseUrl="$GATEWAY_URL" \
    --PaymentActors:SimulatedGateway:FailureRate="$fail_rate" \
    --PaymentActors:SimulatedGateway:MinLatency="00:00:00.$(printf '%03d' "$min_ms")" \
    --PaymentActors:SimulatedGateway:MaxLatency="00:00:00.$(printf '%03d' "$max_ms")" \
    --Logging:LogLevel:Default=Warning
  local api_pid="$LAST_PID"
  if ! wait_ready "api-$id" "$api_pid" curl -fs "$API_URL/health/ready"; then
    stop_pid "$api_pid"
    TABLE_ROWS+=("$label|-|-|-|-|-|API did not start (see $OUT/api-$id.log)|-")
    return 0
  fi

  local report="$OUT/$id.json" status=0
  dotnet "$LOADTEST_DLL" "$scenario" --url "$API_URL" --token "$OPERATOR_TOKEN" -c "$CLIENTS" -d "$DURATION" --drain-timeout 60s \
    --seed 42 --report "$report" "$@" >"$OUT/loadtest-$id.log" 2>&1 || status=$?
  local load
  load="$(cut -d ' ' -f 1 /proc/loadavg)"
  # The API's counters after the run (storage writes by state, events by type), for BENCHMARKS.md's breakdowns.
  curl -fs -H "Authorization: Bearer $OPERATOR_TOKEN" "$API_URL/metrics" >"$OUT/metrics-$id.txt" 2>/dev/null || true
  stop_pid "$api_pid"

  if [ ! -s "$report" ]; then
    echo "  no report (exit $status); see $OUT/loadtest-$id.log" >&2
    TABLE_ROWS+=("$label|-|-|-|-|-|no report (exit $status)|$load")
    return 0
  fi
  TABLE_ROWS+=("$(jq -r --arg name "$label" '
      def ms: if . == null then "-" else (. * 10 | round / 10 | tostring) end;
      [ $name,
        (.throughput.completed_per_second | round | tostring),
        (.settle_latency.p50_ms | ms), (.settle_latency.p99_ms | ms), (.settle_latency.p999_ms | ms),
        (if .server.storage_writes_per_completed_payment == null then "n/a" else (.server.storage_writes_per_completed_payment * 100 | round / 100 | tostring) end),
        (if .audit.violations | length == 0 then "PASS" else "FAIL (\(.audit.violations | length))" end)
      ] | join("|")' "$report")|$load")
  echo "  ${TABLE_ROWS[-1]}"
}

HOT=(--deposit 10000000)
run_row hot-gc-on  "hot-wallet, Azurite, group commit on"   AzureTables true  0   0  0  hot-wallet "${HOT[@]}"
run_row hot-gc-off "hot-wallet, Azurite, group commit off"  AzureTables false 0   0  0  hot-wallet "${HOT[@]}"
run_row mem        "hot-wallet, in-memory, group commit on" Memory      true  0   0  0  hot-wallet "${HOT[@]}"
run_row spread     "spread -k 10000, Azurite"               AzureTables true  0   0  0  spread -k 10000 --deposit 1000
run_row realistic  "hot-wallet, Azurite, fail 0.1, 10-50 ms" AzureTables true 0.1 10 50 hot-wallet "${HOT[@]}"

# --- the table -----------------------------------------------------------------
echo
echo "PaymentActors bench: $CLIENTS clients, $DURATION of load per row, $(nproc) cores, reports in $OUT/"
{
  echo "configuration|completed/s|p50 ms|p99 ms|p99.9 ms|writes/completed|audit|load1"
  printf '%s\n' "${TABLE_ROWS[@]}"
} | column -t -s '|' -o ' | '
