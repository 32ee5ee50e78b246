#!/usr/bin/env bash
# Builds and starts PaymentActors on this machine: Azurite (Azure Table storage), two mock payment gateways (the
# providers mock-a: card, first priority, and mock-b: card and paypal) and the HTTP API with its co-hosted Orleans silo, in that order, each once the one before answers. With --silos N: N silo
# processes in one cluster (membership in Azurite) and the API as a pure Orleans client of them.
# Ctrl-C stops everything this script started. Logs go to .run/logs/.
#
#   ./run.sh                          Azurite + mock gateway + API on http://127.0.0.1:5080 (or $API_URL), dashboard and
#                                     /metrics on the loopback management listener http://127.0.0.1:5081 (or $MANAGEMENT_URL)
#   ./run.sh --silos 3                Azurite + mock gateway + 3 silos + the API as their client (Orleans:Mode=Client)
#   ./run.sh --silos 3 --silo-port 11200 --orleans-gateway-port 30200    silo i (0-based) listens on 11200+i, clients on 30200+i
#   ./run.sh --silos 3 --silo-metrics-port 9500    silo i serves its Prometheus text on http://127.0.0.1:(9500+i)/metrics
#   ./run.sh --storage memory         in-memory storage instead of Azurite (nothing survives a restart)
#   ./run.sh --gateway simulated      the in-process simulated gateway instead of the mock gateway process
#   ./run.sh --storage memory --gateway simulated    the API alone, no other process and no Node.js needed
#   ./run.sh --gateways 1             one mock gateway, configured as the single provider "mock" (PaymentGateway:BaseUrl)
#   ./run.sh --api-url http://127.0.0.1:8080 --gateway-url http://127.0.0.1:6090 --gateway-b-url http://127.0.0.1:6091
#   ./run.sh --verbose                a payment's milestones (Debug) and each gateway call's HTTP lines, in every process's log
#   ./run.sh --https                  HTTPS on https://127.0.0.1:5443 with the SDK's development certificate
#   ./run.sh --management-url http://127.0.0.1:8081    (empty: no management listener)
#   ./run.sh -- --PaymentGateway:BreakerBreakDuration=00:00:05    (anything after -- goes to the API and every silo)
#
# The API runs in the Development environment, so it validates the tokens of `dotnet user-jwts` (their signing key
# is in this project's user secrets): once ready it prints an operator token and the command for a user's token.
#
# Orleans's ports: SILO_PORT (11111) and ORLEANS_GATEWAY_PORT (30000), or --silo-port / --orleans-gateway-port; with
# --silos N, silo i uses SILO_PORT+i and ORLEANS_GATEWAY_PORT+i, and SILO_METRICS_PORT+i (9400) for its /metrics.
# Azurite's ports: AZURITE_TABLE_PORT (10002), AZURITE_QUEUE_PORT (10001), AZURITE_BLOB_PORT (10000); data in azurite/data/.
# The mock gateways' addresses: GATEWAY_URL (mock-a, 5090) and GATEWAY_B_URL (mock-b, 5091), or --gateway-url / --gateway-b-url.
# A gateway or Azurite that already answers at its address is used as it is, and left running on exit.
set -euo pipefail
cd "$(dirname "$0")"

API_URL="${API_URL:-}"
MANAGEMENT_URL="${MANAGEMENT_URL-http://127.0.0.1:5081}"
HTTPS=false
VERBOSE=false
GATEWAY_URL="${GATEWAY_URL:-http://127.0.0.1:5090}"
GATEWAY_B_URL="${GATEWAY_B_URL:-http://127.0.0.1:5091}"
GATEWAYS="${GATEWAYS:-2}"
STORAGE="${STORAGE:-azure}"
GATEWAY="${GATEWAY:-http}"
CONFIGURATION="${CONFIGURATION:-Release}"
SILOS="${SILOS:-0}"
SILO_PORT="${SILO_PORT:-11111}"
ORLEANS_GATEWAY_PORT="${ORLEANS_GATEWAY_PORT:-30000}"
SILO_METRICS_PORT="${SILO_METRICS_PORT:-9400}"
READY_TIMEOUT_SECONDS="${READY_TIMEOUT_SECONDS:-90}"
STOP_TIMEOUT_SECONDS="${STOP_TIMEOUT_SECONDS:-30}"
export AZURITE_TABLE_PORT="${AZURITE_TABLE_PORT:-10002}"
AZURITE_ACCOUNT_KEY="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
LOG_DIR=".run/logs"
API_ARGS=()
USER_ARGS=()

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }

while [ $# -gt 0 ]; do
  case "$1" in
    --storage) STORAGE="${2:?--storage needs azure or memory}"; shift 2 ;;
    --storage=*) STORAGE="${1#*=}"; shift ;;
    --gateway) GATEWAY="${2:?--gateway needs http or simulated}"; shift 2 ;;
    --gateway=*) GATEWAY="${1#*=}"; shift ;;
    --api-url) API_URL="${2:?--api-url needs a value}"; shift 2 ;;
    --api-url=*) API_URL="${1#*=}"; shift ;;
    --gateway-url) GATEWAY_URL="${2:?--gateway-url needs a value}"; shift 2 ;;
    --gateway-url=*) GATEWAY_URL="${1#*=}"; shift ;;
    --gateway-b-url) GATEWAY_B_URL="${2:?--gateway-b-url needs a value}"; shift 2 ;;
    --gateway-b-url=*) GATEWAY_B_URL="${1#*=}"; shift ;;
    --gateways) GATEWAYS="${2:?--gateways needs 1 or 2}"; shift 2 ;;
    --gateways=*) GATEWAYS="${1#*=}"; shift ;;
    --management-url) MANAGEMENT_URL="${2?--management-url needs a value}"; shift 2 ;;
    --management-url=*) MANAGEMENT_URL="${1#*=}"; shift ;;
    --https) HTTPS=true; shift ;;
    --verbose) VERBOSE=true; shift ;;
    --silos) SILOS="${2:?--silos needs a number}"; shift 2 ;;
    --silos=*) SILOS="${1#*=}"; shift ;;
    --silo-port) SILO_PORT="${2:?--silo-port needs a port}"; shift 2 ;;
    --silo-port=*) SILO_PORT="${1#*=}"; shift ;;
    --orleans-gateway-port) ORLEANS_GATEWAY_PORT="${2:?--orleans-gateway-port needs a port}"; shift 2 ;;
    --orleans-gateway-port=*) ORLEANS_GATEWAY_PORT="${1#*=}"; shift ;;
    --silo-metrics-port) SILO_METRICS_PORT="${2:?--silo-metrics-port needs a port}"; shift 2 ;;
    --silo-metrics-port=*) SILO_METRICS_PORT="${1#*=}"; shift ;;
    -h|--help) usage; exit 0 ;;
    --) shift; USER_ARGS=("$@"); break ;;
    *) echo "Unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done
if [ -z "$API_URL" ]; then
  if [ "$HTTPS" = true ]; then API_URL="https://127.0.0.1:5443"; else API_URL="http://127.0.0.1:5080"; fi
fi
API_URL="${API_URL%/}"
MANAGEMENT_URL="${MANAGEMENT_URL%/}"
GATEWAY_URL="${GATEWAY_URL%/}"
GATEWAY_B_URL="${GATEWAY_B_URL%/}"
case "$GATEWAYS" in 1|2) ;; *) echo "--gateways must be 1 or 2, not '$GATEWAYS'." >&2; exit 2 ;; esac
case "$STORAGE" in azure|azuretables|AzureTables) STORAGE=azure ;; memory|Memory) STORAGE=memory ;;
  *) echo "--storage must be azure or memory, not '$STORAGE'." >&2; exit 2 ;; esac
case "$GATEWAY" in http|Http) GATEWAY=http ;; simulated|Simulated) GATEWAY=simulated ;;
  *) echo "--gateway must be http or simulated, not '$GATEWAY'." >&2; exit 2 ;; esac
for number in SILOS SILO_PORT ORLEANS_GATEWAY_PORT SILO_METRICS_PORT; do
  [[ "${!number}" =~ ^[0-9]+$ ]] || { echo "$number must be a whole number, not '${!number}'." >&2; exit 2; }
done
if [ "$SILOS" -gt 0 ] && [ "$STORAGE" != azure ]; then
  echo "--silos needs Azure Table storage (the silos find each other in its membership table); drop --storage memory." >&2
  exit 2
fi

command -v dotnet >/dev/null || { echo "dotnet (SDK 10) is required." >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is required (to wait for readiness)." >&2; exit 1; }
if [ "$STORAGE" = azure ] && ! command -v npm >/dev/null; then
  echo "Node.js and npm are required for Azurite (apt-get install nodejs npm), or run with --storage memory." >&2
  exit 1
fi

# --- processes ---------------------------------------------------------------
# Every process is started through start_process, so cleanup stops exactly those, newest first, by pid.
PIDS=()
NAMES=()

# is_running PID: alive and not a zombie waiting to be reaped.
is_running() { local state; state=$(ps -o stat= -p "$1" 2>/dev/null) && [[ "$state" != Z* ]]; }

cleanup() {
  # Finish the clean-up whatever happens: a second Ctrl-C, or a closed pipe when the output goes through `| tee`.
  trap '' INT TERM HUP PIPE
  set +e
  local i pid deadline
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    pid="${PIDS[i]}"
    is_running "$pid" || continue
    echo "Stopping ${NAMES[i]} (pid $pid)..."
    kill -TERM "$pid" 2>/dev/null
    deadline=$((SECONDS + STOP_TIMEOUT_SECONDS))
    while is_running "$pid" && ((SECONDS < deadline)); do sleep 0.2; done
    if is_running "$pid"; then
      echo "${NAMES[i]} did not stop within ${STOP_TIMEOUT_SECONDS}s; killing it."
      kill -KILL "$pid" 2>/dev/null
    fi
    wait "$pid" 2>/dev/null
  done
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

# start_process NAME COMMAND [ARGS...]: runs it in the background with its output in $LOG_DIR/NAME.log, in a session
# of its own (setsid): a Ctrl-C in the terminal reaches this script alone, and cleanup stops the processes newest first.
# Without that, the terminal's SIGINT reaches every process at once: Azurite quits first and the silos, unable to leave
# the membership table, hang until they are killed.
SETSID=()
command -v setsid >/dev/null && SETSID=(setsid)
start_process() {
  local name="$1"; shift
  mkdir -p "$LOG_DIR"
  "${SETSID[@]}" "$@" >"$LOG_DIR/$name.log" 2>&1 &
  PIDS+=("$!")
  NAMES+=("$name")
  echo "Started $name (pid $!), log: $LOG_DIR/$name.log"
}

# wait_until NAME WHAT COMMAND...: runs COMMAND until it succeeds, failing early if the process NAME died.
wait_until() {
  local name="$1" what="$2" pid="" deadline=$((SECONDS + READY_TIMEOUT_SECONDS)) i
  shift 2
  for ((i = 0; i < ${#NAMES[@]}; i++)); do [ "${NAMES[i]}" = "$name" ] && pid="${PIDS[i]}"; done
  until "$@"; do
    if [ -n "$pid" ] && ! is_running "$pid"; then
      echo "$name exited before it was ready; last lines of $LOG_DIR/$name.log:" >&2
      tail -n 30 "$LOG_DIR/$name.log" >&2
      exit 1
    fi
    if ((SECONDS > deadline)); then
      echo "$name was not ready ($what) after ${READY_TIMEOUT_SECONDS}s; see $LOG_DIR/$name.log" >&2
      exit 1
    fi
    sleep 0.5
  done
}

CURL_TLS=()
answers_200() { curl -fs -o /dev/null --max-time 2 "${CURL_TLS[@]}" "$1"; }
answers_http() { curl -s -o /dev/null --max-time 2 "$1"; }
tcp_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# --- build -------------------------------------------------------------------
echo "Building PaymentActors.Api ($CONFIGURATION)..."
dotnet build src/PaymentActors.Api/PaymentActors.Api.csproj -c "$CONFIGURATION" -nologo -v quiet
API_DLL="src/PaymentActors.Api/bin/$CONFIGURATION/net10.0/PaymentActors.Api.dll"
if [ "$SILOS" -gt 0 ]; then
  echo "Building PaymentActors.Silo ($CONFIGURATION)..."
  dotnet build src/PaymentActors.Silo/PaymentActors.Silo.csproj -c "$CONFIGURATION" -nologo -v quiet
fi
SILO_DLL="src/PaymentActors.Silo/bin/$CONFIGURATION/net10.0/PaymentActors.Silo.dll"
if [ "$GATEWAY" = http ]; then
  echo "Building PaymentActors.MockGateway ($CONFIGURATION)..."
  dotnet build src/PaymentActors.MockGateway/PaymentActors.MockGateway.csproj -c "$CONFIGURATION" -nologo -v quiet
fi
GATEWAY_DLL="src/PaymentActors.MockGateway/bin/$CONFIGURATION/net10.0/PaymentActors.MockGateway.dll"

# --- Azurite -------------------------------------------------------------------
AZURITE_TABLE_URL="http://127.0.0.1:$AZURITE_TABLE_PORT/devstoreaccount1"
if [ "$STORAGE" = azure ]; then
  API_ARGS=("--Storage:Provider=AzureTables"
    "--ConnectionStrings:AzureTables=DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$AZURITE_ACCOUNT_KEY;TableEndpoint=$AZURITE_TABLE_URL;"
    "${API_ARGS[@]}")
  if answers_http "$AZURITE_TABLE_URL"; then
    echo "Azurite already answers at $AZURITE_TABLE_URL; using it."
  else
    if [ ! -x azurite/node_modules/.bin/azurite ]; then
      echo "Installing Azurite (npm ci --prefix azurite)..."
      npm ci --prefix azurite --no-audit --no-fund --loglevel=error
    fi
    start_process azurite azurite/start.sh
    wait_until azurite "$AZURITE_TABLE_URL" answers_http "$AZURITE_TABLE_URL"
  fi
else
  API_ARGS=("--Storage:Provider=Memory" "${API_ARGS[@]}")
fi

# --- logging -------------------------------------------------------------------
# The defaults (appsettings.json) log like a production service: warnings, errors and rare events, nothing per request.
# --verbose brings back a payment's milestones and the HTTP client's lines for each gateway call (four per call).
if [ "$VERBOSE" = true ]; then
  API_ARGS=("--Logging:LogLevel:PaymentActors=Debug" "--Logging:LogLevel:System.Net.Http.HttpClient=Information" "${API_ARGS[@]}")
fi

# --- mock gateways ------------------------------------------------------------
# start_gateway NAME URL: a mock gateway process at URL, unless one already answers there.
start_gateway() {
  if answers_200 "$2/health"; then
    echo "A gateway already answers at $2; using it as $1."
  else
    start_process "$1" dotnet "$GATEWAY_DLL" --urls "$2"
    wait_until "$1" "$2/health" answers_200 "$2/health"
  fi
}
if [ "$GATEWAY" = http ] && [ "$GATEWAYS" = 1 ]; then
  # The single-provider form: PaymentGateway:BaseUrl is the one provider, named by PaymentActors:GatewayProvider ("mock").
  API_ARGS=("--Gateway:Mode=Http" "--PaymentGateway:BaseUrl=$GATEWAY_URL" "${API_ARGS[@]}")
  start_gateway gateway "$GATEWAY_URL"
elif [ "$GATEWAY" = http ]; then
  API_ARGS=("--Gateway:Mode=Http"
    "--PaymentGateway:Providers:mock-a:BaseUrl=$GATEWAY_URL" "--PaymentGateway:Providers:mock-a:Methods=card"
    "--PaymentGateway:Providers:mock-a:Priority=1"
    "--PaymentGateway:Providers:mock-b:BaseUrl=$GATEWAY_B_URL" "--PaymentGateway:Providers:mock-b:Methods=card,paypal"
    "--PaymentGateway:Providers:mock-b:Priority=2"
    "${API_ARGS[@]}")
  start_gateway mock-a "$GATEWAY_URL"
  start_gateway mock-b "$GATEWAY_B_URL"
else
  API_ARGS=("--Gateway:Mode=Simulated" "${API_ARGS[@]}")
fi

# --- tokens and HTTPS ---------------------------------------------------------
# `dotnet user-jwts` keeps its signing key in the API project's user secrets (creating it on first use), which the
# API reads in Development; minting the operator token now makes sure the key exists before the API starts.
echo "Minting an operator token (dotnet user-jwts)..."
OPERATOR_TOKEN="$(dotnet user-jwts create --project src/PaymentActors.Api --name operator --role operator --output token)" || {
  echo "dotnet user-jwts failed; it comes with the .NET SDK (dotnet user-jwts --help)." >&2; exit 1; }
case "$API_URL" in https://*)
  # Kestrel serves HTTPS with the SDK's development certificate (created offline on first use); curl trusts its PEM copy.
  dotnet dev-certs https >/dev/null 2>&1 || dotnet dev-certs https --check >/dev/null 2>&1 || {
    echo "dotnet dev-certs https could not create the development certificate." >&2; exit 1; }
  mkdir -p .run
  rm -f .run/dev-cert.pem .run/dev-cert.key
  dotnet dev-certs https --export-path .run/dev-cert.pem --format Pem --no-password >/dev/null
  rm -f .run/dev-cert.key
  CURL_TLS=(--cacert .run/dev-cert.pem)
  ;;
esac

# --- silos -------------------------------------------------------------------
# Storage and gateway settings (API_ARGS so far) are the silos' as much as the API's: both read the same keys.
SILO_LINES=""
if [ "$SILOS" -gt 0 ]; then
  for ((i = 0; i < SILOS; i++)); do
    port=$((SILO_PORT + i)); gateway_port=$((ORLEANS_GATEWAY_PORT + i)); metrics_port=$((SILO_METRICS_PORT + i))
    for taken in "$port" "$gateway_port" "$metrics_port"; do
      if tcp_open "$taken"; then echo "Port $taken is already in use; choose others with --silo-port / --orleans-gateway-port / --silo-metrics-port." >&2; exit 1; fi
    done
    start_process "silo-$((i + 1))" dotnet "$SILO_DLL" "--Orleans:SiloPort=$port" "--Orleans:GatewayPort=$gateway_port" \
      "--Metrics:Port=$metrics_port" "${API_ARGS[@]}" "${USER_ARGS[@]}"
    SILO_LINES+="  Silo $((i + 1))     127.0.0.1:$port (silo-to-silo), 127.0.0.1:$gateway_port (clients), http://127.0.0.1:$metrics_port/metrics   log: $LOG_DIR/silo-$((i + 1)).log"$'\n'
  done
  for ((i = 0; i < SILOS; i++)); do
    wait_until "silo-$((i + 1))" "its gateway port $((ORLEANS_GATEWAY_PORT + i))" tcp_open "$((ORLEANS_GATEWAY_PORT + i))"
  done
  API_ARGS=("--Orleans:Mode=Client" "${API_ARGS[@]}")
else
  API_ARGS=("--Orleans:SiloPort=$SILO_PORT" "--Orleans:GatewayPort=$ORLEANS_GATEWAY_PORT" "${API_ARGS[@]}")
  SILO_LINES="  Silo       co-hosted in the API: 127.0.0.1:$SILO_PORT (silo-to-silo), 127.0.0.1:$ORLEANS_GATEWAY_PORT (clients)"$'\n'
fi

# --- API ---------------------------------------------------------------------
API_ARGS=("--environment" "Development" "--Management:Urls=$MANAGEMENT_URL" "${API_ARGS[@]}")
start_process api dotnet "$API_DLL" --urls "$API_URL" "${API_ARGS[@]}" "${USER_ARGS[@]}"
wait_until api "$API_URL/health/ready" answers_200 "$API_URL/health/ready"

storage_line="in memory (--storage memory): nothing survives a restart"
[ "$STORAGE" = azure ] && storage_line="Azurite tables at $AZURITE_TABLE_URL (data in azurite/data/)"
gateway_line="simulated in process (--gateway simulated)"
[ "$GATEWAY" = http ] && gateway_line="$GATEWAY_URL   admin: $GATEWAY_URL/admin/behaviour, $GATEWAY_URL/admin/stats"
[ "$GATEWAY" = http ] && [ "$GATEWAYS" = 2 ] && gateway_line="mock-a $GATEWAY_URL (card, first priority), mock-b $GATEWAY_B_URL (card, paypal)
             admin: <gateway>/admin/behaviour, <gateway>/admin/stats"

if [ -n "$MANAGEMENT_URL" ]; then
  dashboard_line="$MANAGEMENT_URL/dashboard   (management listener: loopback, no token)"
  metrics_line="$MANAGEMENT_URL/metrics   (operator token on $API_URL/metrics; summary: $API_URL/metrics/summary)"
else
  dashboard_line="$API_URL/dashboard   (operator token only: --management-url is empty)"
  metrics_line="$API_URL/metrics   (operator token; summary: $API_URL/metrics/summary)"
fi
curl_line="curl -s"
[ "${#CURL_TLS[@]}" -gt 0 ] && curl_line="curl -s --cacert .run/dev-cert.pem"

cat <<INFO

PaymentActors is ready ($([ "$SILOS" -gt 0 ] && echo "$SILOS silos, the API as their client" || echo "one process: the API with its own silo")).
  API        $API_URL
  Docs       $API_URL/docs   (paste a token under Authentication to try routes)
  OpenAPI    $API_URL/openapi/v1.json
  Dashboard  $dashboard_line
  Metrics    $metrics_line
  Health     $API_URL/health/ready
  Cluster    $API_URL/cluster   (operator token; every silo and its status)
  Breaker    $API_URL/gateway   (operator token; each provider's circuit breaker in each silo)
${SILO_LINES}  Gateway    $gateway_line
  Storage    $storage_line

An operator token (role operator: deposits, refunds, failed events, metrics; valid for months):
  export OPERATOR_TOKEN=$OPERATOR_TOKEN
A user's token (the user id is the token's sub; a user acts only on their own wallet and payments):
  export ALICE_TOKEN=\$(dotnet user-jwts create --project src/PaymentActors.Api --name alice --output token)

Try:
  $curl_line -X POST $API_URL/wallets/alice/deposits -H "Authorization: Bearer \$OPERATOR_TOKEN" \\
       -H 'Content-Type: application/json' -d '{"amount":"100.00","currency":"USD"}'
  $curl_line -X POST '$API_URL/payments?wait=true' -H "Authorization: Bearer \$ALICE_TOKEN" \\
       -H 'Content-Type: application/json' -d '{"user_id":"alice","service_id":"svc-1","amount":"25.50","currency":"USD"}'

Press Ctrl-C to stop.
INFO

# Stay up until Ctrl-C or until a process exits; then stop the rest. A cluster outlives one of its silos: a silo that
# exits is reported, and the rest keep running while at least one silo is left.
REPORTED=" "
while true; do
  running=()
  for pid in "${PIDS[@]}"; do is_running "$pid" && running+=("$pid"); done
  [ ${#running[@]} -gt 0 ] && { wait -n "${running[@]}" || true; }
  silos_left=0 ended="" others_ended=0
  for ((i = 0; i < ${#PIDS[@]}; i++)); do
    if is_running "${PIDS[i]}"; then
      [[ "${NAMES[i]}" == silo-* ]] && silos_left=$((silos_left + 1))
    elif [[ "$REPORTED" != *" ${NAMES[i]} "* ]]; then
      ended+=" ${NAMES[i]}"
      REPORTED+="${NAMES[i]} "
      [[ "${NAMES[i]}" == silo-* ]] || others_ended=1
    fi
  done
  if [ "$others_ended" = 0 ] && [ "$silos_left" -gt 0 ]; then
    echo "Exited:$ended; the cluster carries on with $silos_left silo(s) (see $API_URL/cluster)." >&2
    continue
  fi
  echo "Exited:$ended; stopping the others." >&2
  exit 1
done
