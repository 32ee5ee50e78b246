#!/usr/bin/env bash
# Benchmarks PaymentActors on this machine and prints one table. Everything runs on loopback and is started and
# stopped by this script: Azurite (own ports, temporary data directory), the mock gateway, and one API process per
# configuration. Each run is bounded (BENCH_DURATION of load, then a bounded drain) and audited.
#
#   ./bench.sh                      all rows
#   BENCH_DURATION=20s ./bench.sh   longer runs (default 15s)
#   BENCH_ROWS="hot-gc-on mem" ./bench.sh   only some rows (ids: hot-gc-on hot-gc-off mem spread realistic)
#
# Reports (JSON) and logs go to .bench/<utc time>/.
set -euo pipefail
cd "$(dirname "$0")"

DURATION="${BENCH_DURATION:-15s}"
CLIENTS="${BENCH_CLIENTS:-64}"
ROWS="${BENCH_ROWS:-hot-gc-on hot-gc-off mem spread realistic}"
CONFIGURATION=Release
HOST=127.0.0.1
API_PORT="${BENCH_API_PORT:-5180}"
GATEWAY_PORT="${BENCH_GATEWAY_PORT:-5190}"
SILO_PORT="${BENCH_SILO_PORT:-11211}"
ORLEANS_GATEWAY_PORT="${BENCH_ORLEANS_GATEWAY_PORT:-30211}"
AZURITE_BLOB_PORT="${BENCH_AZURITE_BLOB_PORT:-10200}"
AZURITE_QUEUE_PORT="${BENCH_AZURITE_QUEUE_PORT:-10201}"
AZURITE_TABLE_PORT="${BENCH_AZURITE_TABLE_PORT:-10202}"
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

# wait_ready NAME PID CHECK...: waits until CHECK succeeds, failing early if PID died.
wait_ready() {
  local name="$1" pid="$2"; shift 2
  local deadline=$((SECONDS + READY_TIMEOUT_SECONDS))
  until "$@" >/dev/null 2>&1; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "$name exited before it was ready; last lines of $OUT/$name.log:" >&2
      tail -n 30 "$OUT/$name.log" >&2
      exit 1
    fi
    if ((SECONDS > deadline)); then
      echo "$name was not ready after ${READY_TIMEOUT_SECONDS}s; see $OUT/$name.log" >&2
      exit 1
    fi
    sleep 0.2
  done
}

tcp_open() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

# --- build -------------------------------------------------------------------
echo "Building ($CONFIGURATION)..."
for project in src/PaymentActors.Api src/PaymentActors.MockGateway src/PaymentActors.LoadTest; do
  dotnet build "$project/$(basename "$project").csproj" -c "$CONFIGURATION" -nologo -v quiet >"$OUT/build.log" 2>&1 \
    || { tail -n 30 "$OUT/build.log" >&2; exit 1; }
done
API_DLL="src/PaymentActors.Api/bin/$CONFIGURATION/net10.0/PaymentActors.Api.dll"
GATEWAY_DLL="src/PaymentActors.MockGateway/bin/$CONFIGURATION/net10.0/PaymentActors.MockGateway.dll"
LOADTEST_DLL="src/PaymentActors.LoadTest/bin/$CONFIGURATION/net10.0/PaymentActors.LoadTest.dll"

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
wait_ready azurite "$LAST_PID" tcp_open "$AZURITE_TABLE_PORT"

echo "Starting the mock gateway on $GATEWAY_URL..."
start_process mock-gateway dotnet "$GATEWAY_DLL" --urls "$GATEWAY_URL" --Logging:LogLevel:Default=Warning
wait_ready mock-gateway "$LAST_PID" curl -fs "$GATEWAY_URL/health"

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

  local storage_args=("--Storage:Provider=$storage")
  if [ "$storage" = AzureTables ]; then storage_args+=("--ConnectionStrings:AzureTables=$AZURE_CONNECTION"); fi
  # The simulated gateway is configured like the mock, so a build without Gateway:Mode=Http measures the same profile.
  start_process "api-$id" dotnet "$API_DLL" \
    --urls "$API_URL" \
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
  wait_ready "api-$id" "$api_pid" curl -fs "$API_URL/health/ready"

  local report="$OUT/$id.json" status=0
  dotnet "$LOADTEST_DLL" "$scenario" --url "$API_URL" -c "$CLIENTS" -d "$DURATION" --drain-timeout 60s \
    --seed 42 --report "$report" "$@" >"$OUT/loadtest-$id.log" 2>&1 || status=$?
  stop_pid "$api_pid"

  if [ ! -s "$report" ]; then
    echo "  no report (exit $status); see $OUT/loadtest-$id.log" >&2
    TABLE_ROWS+=("$label|-|-|-|-|-|no report (exit $status)")
    return 0
  fi
  TABLE_ROWS+=("$(jq -r --arg label "$label" '
      def ms: if . == null then "-" else (. * 10 | round / 10 | tostring) end;
      [ $label,
        (.throughput.completed_per_second | round | tostring),
        (.settle_latency.p50_ms | ms), (.settle_latency.p99_ms | ms), (.settle_latency.p999_ms | ms),
        (if .server.storage_writes_per_completed_payment == null then "n/a" else (.server.storage_writes_per_completed_payment * 100 | round / 100 | tostring) end),
        (if .audit.violations | length == 0 then "PASS" else "FAIL (\(.audit.violations | length))" end)
      ] | join("|")' "$report")")
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
  echo "configuration|completed/s|p50 ms|p99 ms|p99.9 ms|writes/completed|audit"
  printf '%s\n' "${TABLE_ROWS[@]}"
} | column -t -s '|' -o ' | '
