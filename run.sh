#!/usr/bin/env bash
# Builds and starts PaymentActors on this machine: the HTTP API with its co-hosted Orleans silo.
# Ctrl-C stops everything this script started. Logs go to .run/logs/.
#
#   ./run.sh                          API on http://127.0.0.1:5080 (or $API_URL)
#   ./run.sh --api-url http://127.0.0.1:8080
#   ./run.sh -- --PaymentActors:SimulatedGateway:FailureRate=0    (anything after -- goes to the API)
set -euo pipefail
cd "$(dirname "$0")"

API_URL="${API_URL:-http://127.0.0.1:5080}"
CONFIGURATION="${CONFIGURATION:-Release}"
READY_TIMEOUT_SECONDS="${READY_TIMEOUT_SECONDS:-90}"
LOG_DIR=".run/logs"
API_ARGS=()

usage() { sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
  case "$1" in
    --api-url) API_URL="${2:?--api-url needs a value}"; shift 2 ;;
    --api-url=*) API_URL="${1#*=}"; shift ;;
    -h|--help) usage; exit 0 ;;
    --) shift; API_ARGS=("$@"); break ;;
    *) echo "Unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done
API_URL="${API_URL%/}"

command -v dotnet >/dev/null || { echo "dotnet (SDK 10) is required." >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is required (to wait for readiness)." >&2; exit 1; }

# --- processes ---------------------------------------------------------------
# Every process is started through start_process, so cleanup stops all of them, newest first.
PIDS=()
NAMES=()

cleanup() {
  trap - EXIT INT TERM
  local i
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    if kill -0 "${PIDS[i]}" 2>/dev/null; then
      echo "Stopping ${NAMES[i]} (pid ${PIDS[i]})..."
      kill -TERM "${PIDS[i]}" 2>/dev/null || true
    fi
  done
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    wait "${PIDS[i]}" 2>/dev/null || true
  done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# start_process NAME COMMAND [ARGS...]: runs it in the background with its output in $LOG_DIR/NAME.log.
start_process() {
  local name="$1"; shift
  mkdir -p "$LOG_DIR"
  "$@" >"$LOG_DIR/$name.log" 2>&1 &
  PIDS+=("$!")
  NAMES+=("$name")
  echo "Started $name (pid $!), log: $LOG_DIR/$name.log"
}

# wait_http NAME URL: waits until URL answers 200, failing early if the process NAME died.
wait_http() {
  local name="$1" url="$2" pid="${PIDS[${#PIDS[@]} - 1]}" deadline=$((SECONDS + READY_TIMEOUT_SECONDS))
  for ((i = 0; i < ${#NAMES[@]}; i++)); do [ "${NAMES[i]}" = "$name" ] && pid="${PIDS[i]}"; done
  until curl -fs -o /dev/null "$url"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "$name exited before it was ready; last lines of $LOG_DIR/$name.log:" >&2
      tail -n 30 "$LOG_DIR/$name.log" >&2
      exit 1
    fi
    if ((SECONDS > deadline)); then
      echo "$name was not ready at $url after ${READY_TIMEOUT_SECONDS}s; see $LOG_DIR/$name.log" >&2
      exit 1
    fi
    sleep 0.5
  done
}

# --- build -------------------------------------------------------------------
echo "Building PaymentActors.Api ($CONFIGURATION)..."
dotnet build src/PaymentActors.Api/PaymentActors.Api.csproj -c "$CONFIGURATION" -nologo -v quiet
API_DLL="src/PaymentActors.Api/bin/$CONFIGURATION/net10.0/PaymentActors.Api.dll"

# --- start -------------------------------------------------------------------
start_process api dotnet "$API_DLL" --urls "$API_URL" "${API_ARGS[@]}"
wait_http api "$API_URL/health/ready"

cat <<INFO

PaymentActors is ready.
  API        $API_URL
  Docs       $API_URL/docs
  OpenAPI    $API_URL/openapi/v1.json
  Dashboard  $API_URL/dashboard
  Metrics    $API_URL/metrics   (summary: $API_URL/metrics/summary)
  Health     $API_URL/health/ready

Press Ctrl-C to stop.
INFO

# Stay up until Ctrl-C or until any started process exits (then stop the rest).
wait -n "${PIDS[@]}" || true
echo "A process exited; stopping the others." >&2
exit 1
